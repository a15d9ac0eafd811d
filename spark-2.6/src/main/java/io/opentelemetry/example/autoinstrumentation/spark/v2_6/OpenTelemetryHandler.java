package io.opentelemetry.example.autoinstrumentation.spark.v2_6;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * The outermost handler of the Jetty server Spark builds, so the SERVER span brackets everything the server does for a
 * request: Spark's filters, route, exception mapper, {@code halt}, 404, the websocket routes' upgrade, and writing the
 * body. Start, scope and end share one stack frame, as in upstream's servlet filter and the agent's Jetty advice:
 * nothing Spark or the application does can leave the span open or current after the request.
 */
final class OpenTelemetryHandler extends HandlerWrapper {

  private final Instrumenter<HttpServletRequest, HttpServletResponse> instrumenter;
  private final ExcludedUrls excludedUrls;

  OpenTelemetryHandler(Instrumenter<HttpServletRequest, HttpServletResponse> instrumenter, ExcludedUrls excludedUrls) {
    this.instrumenter = instrumenter;
    this.excludedUrls = excludedUrls;
  }

  @Override
  public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    Context parent = Context.current();
    if (!instrumenter.shouldStart(parent, request)) { // e.g. the javaagent's SERVER span is already current
      super.handle(target, baseRequest, request, response);
      return;
    }
    if (excludedUrls.matches(request)) {
      try (Scope ignored = excludedUrls.unsampled(parent, request).makeCurrent()) {
        super.handle(target, baseRequest, request, response);
      }
      return;
    }
    Context context = instrumenter.start(parent, request);
    Throwable error = null;
    try (Scope ignored = context.makeCurrent()) {
      super.handle(target, baseRequest, request, response);
    } catch (Throwable t) { // an Error escapes Spark, which catches only Exception; Jetty answers it with a 500
      error = t;
      throw t;
    } finally {
      instrumenter.end(context, request, response, error);
    }
  }
}
