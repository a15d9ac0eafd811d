package io.opentelemetry.example.autoinstrumentation.server.programmatic.spark;

import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import spark.ExceptionMapper;
import spark.embeddedserver.EmbeddedServer;
import spark.embeddedserver.EmbeddedServerFactory;
import spark.embeddedserver.jetty.EmbeddedJettyServer;
import spark.embeddedserver.jetty.JettyHandler;
import spark.embeddedserver.jetty.JettyServerFactory;
import spark.http.matching.MatcherFilter;
import spark.route.Routes;
import spark.staticfiles.StaticFilesConfiguration;

/**
 * Builds the embedded Jetty server exactly as Spark's own {@code EmbeddedJettyFactory} does, with two differences: its
 * handler runs inside {@link OpenTelemetryHandler}, and its request matcher looks routes up through {@link
 * RouteNamingRoutes}.
 */
final class OpenTelemetryJettyFactory implements EmbeddedServerFactory, JettyServerFactory {

  private final Instrumenter<HttpServletRequest, HttpServletResponse> instrumenter;
  private final ExcludedUrls excludedUrls;

  OpenTelemetryJettyFactory(
      Instrumenter<HttpServletRequest, HttpServletResponse> instrumenter, ExcludedUrls excludedUrls) {
    this.instrumenter = instrumenter;
    this.excludedUrls = excludedUrls;
  }

  @Override
  public EmbeddedServer create(
      Routes routes, StaticFilesConfiguration staticFiles, ExceptionMapper exceptionMapper, boolean hasOtherHandlers) {
    MatcherFilter matcher =
        new MatcherFilter(new RouteNamingRoutes(routes), staticFiles, exceptionMapper, false, hasOtherHandlers);
    matcher.init(null);
    JettyHandler spark = new JettyHandler(matcher);
    spark.getSessionCookieConfig().setHttpOnly(true);
    return new EmbeddedJettyServer(this, new OpenTelemetryHandler(instrumenter, excludedUrls, spark));
  }

  // Spark's own JettyServerFactory is not public; these are its defaults.

  @Override
  public Server create(int maxThreads, int minThreads, int threadTimeoutMillis) {
    if (maxThreads <= 0) {
      return new Server();
    }
    return new Server(new QueuedThreadPool(
        maxThreads, minThreads > 0 ? minThreads : 8, threadTimeoutMillis > 0 ? threadTimeoutMillis : 60_000));
  }

  @Override
  public Server create(ThreadPool threadPool) {
    return threadPool != null ? new Server(threadPool) : new Server();
  }
}
