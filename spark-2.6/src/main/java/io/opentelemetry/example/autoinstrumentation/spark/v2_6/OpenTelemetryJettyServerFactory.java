package io.opentelemetry.example.autoinstrumentation.spark.v2_6;

import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.HandlerList;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.ThreadPool;
import spark.embeddedserver.jetty.JettyServerFactory;

/**
 * The application's Jetty servers, each traced from its outermost handler. Spark gives the server its handlers after
 * the factory returns it (its own, or a list of its own and the websocket routes' servlet context), so {@link
 * OpenTelemetryHandler} goes in front of them as the server starts, where the agent's Jetty instrumentation starts its
 * span too, and the websocket routes' context names the route of what it answers ({@link WebSocketContextRoute}).
 */
final class OpenTelemetryJettyServerFactory implements JettyServerFactory {

  private final JettyServerFactory servers;
  private final Instrumenter<HttpServletRequest, HttpServletResponse> instrumenter;
  private final ExcludedUrls excludedUrls;

  OpenTelemetryJettyServerFactory(
      JettyServerFactory servers,
      Instrumenter<HttpServletRequest, HttpServletResponse> instrumenter,
      ExcludedUrls excludedUrls) {
    this.servers = servers;
    this.instrumenter = instrumenter;
    this.excludedUrls = excludedUrls;
  }

  @Override
  public Server create(int maxThreads, int minThreads, int threadTimeoutMillis) {
    return traced(servers.create(maxThreads, minThreads, threadTimeoutMillis));
  }

  /** What Spark 2.7 and newer call when the application gave Spark a thread pool. */
  @Override
  public Server create(ThreadPool threadPool) {
    return traced(servers.create(threadPool));
  }

  private Server traced(Server server) {
    server.addLifeCycleListener(new InsertHandlerOnStart(server));
    return server;
  }

  /** Puts the tracing handler between the server and the handlers Spark gave it, once they are all there. */
  private final class InsertHandlerOnStart implements LifeCycle.Listener {

    private final Server server;

    InsertHandlerOnStart(Server server) {
      this.server = server;
    }

    @Override
    public void lifeCycleStarting(LifeCycle event) {
      if (server.getHandler() instanceof OpenTelemetryHandler) { // a server started again keeps its one handler
        return;
      }
      if (server.getHandler() instanceof HandlerList) { // Spark's own handler, then its websocket routes' context
        HandlerList handlers = (HandlerList) server.getHandler();
        Handler[] named = handlers.getHandlers().clone();
        for (int i = 0; i < named.length; i++) {
          if (named[i] instanceof ServletContextHandler) {
            named[i] = new WebSocketContextRoute(named[i]);
          }
        }
        handlers.setHandlers(named);
      }
      server.insertHandler(new OpenTelemetryHandler(instrumenter, excludedUrls));
    }

    // Older Jetty 9.4 releases (Spark 2.6 brings 9.4.4) declare these without default methods.

    @Override
    public void lifeCycleStarted(LifeCycle event) {}

    @Override
    public void lifeCycleFailure(LifeCycle event, Throwable cause) {}

    @Override
    public void lifeCycleStopping(LifeCycle event) {}

    @Override
    public void lifeCycleStopped(LifeCycle event) {}
  }
}
