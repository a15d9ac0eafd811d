package io.opentelemetry.example.autoinstrumentation.server.programmatic.spark;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Wraps the Jetty handler that Spark runs for every request, so the SERVER span brackets all of Spark's work: filters,
 * route, exception mapper, {@code halt}, 404 and writing the body. Start, scope and end share one stack frame, as in
 * upstream's servlet filter and the agent's Jetty advice: nothing Spark or the application does can leave the span
 * open or current after the request.
 */
final class OpenTelemetryHandler extends HandlerWrapper {

  private final Instrumenter<HttpServletRequest, HttpServletResponse> instrumenter;
  private final List<Pattern> excludedUrls;

  OpenTelemetryHandler(
      Instrumenter<HttpServletRequest, HttpServletResponse> instrumenter, List<Pattern> excludedUrls, Handler spark) {
    this.instrumenter = instrumenter;
    this.excludedUrls = excludedUrls;
    setHandler(spark);
  }

  @Override
  public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    Context parent = Context.current();
    if (isExcluded(request)) {
      // Not traced, and neither is anything the route does: its spans get a parent that is not sampled.
      try (Scope ignored = parent.with(Span.wrap(unsampledChildOf(Span.fromContext(parent).getSpanContext()))).makeCurrent()) {
        super.handle(target, baseRequest, request, response);
      }
      return;
    }
    if (!instrumenter.shouldStart(parent, request)) { // e.g. the javaagent's SERVER span is already current
      super.handle(target, baseRequest, request, response);
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

  private boolean isExcluded(HttpServletRequest request) {
    if (excludedUrls.isEmpty()) {
      return false;
    }
    String path = request.getRequestURI();
    for (Pattern excluded : excludedUrls) {
      if (excluded.matcher(path).matches()) {
        return true;
      }
    }
    return false;
  }

  /** A span context in the parent's trace (or a new one) whose sampled flag is off. */
  private static SpanContext unsampledChildOf(SpanContext parent) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String traceId = parent.isValid() ? parent.getTraceId() : TraceId.fromLongs(random.nextLong(), random.nextLong() | 1);
    String spanId = SpanId.fromLong(random.nextLong() | 1);
    return SpanContext.create(traceId, spanId, TraceFlags.getDefault(), parent.getTraceState());
  }
}
