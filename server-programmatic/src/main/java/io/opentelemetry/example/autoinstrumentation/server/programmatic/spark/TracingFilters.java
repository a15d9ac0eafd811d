package io.opentelemetry.example.autoinstrumentation.server.programmatic.spark;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRoute;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRouteSource;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import spark.Request;
import spark.Response;

/**
 * The pair of Spark filters that make the SERVER span: {@link #start} runs before every other filter and route, {@link
 * #end} after all of them, whatever happened in between. Spark runs both on the request's thread, so the span is
 * current for the application's code in between.
 */
final class TracingFilters {

  private static final String STARTED = TracingFilters.class.getName() + ".started";
  static final String SPARK_DEFAULT_CONTENT_TYPE = "text/html; charset=utf-8";

  private final Instrumenter<HttpServletRequest, HttpServletResponse> instrumenter;
  private final List<Pattern> excludedUrls;
  private final SparkRoutes routes;
  private final boolean capturesContentType;

  TracingFilters(
      Instrumenter<HttpServletRequest, HttpServletResponse> instrumenter,
      List<Pattern> excludedUrls,
      SparkRoutes routes,
      boolean capturesContentType) {
    this.instrumenter = instrumenter;
    this.excludedUrls = excludedUrls;
    this.routes = routes;
    this.capturesContentType = capturesContentType;
  }

  void start(Request request, Response response) {
    HttpServletRequest servletRequest = request.raw();
    Context parent = Context.current();
    if (isExcluded(servletRequest)) {
      // Not traced, and neither is anything the route does: its spans get a parent that is not sampled.
      Context unsampled = parent.with(Span.wrap(unsampledChildOf(Span.fromContext(parent).getSpanContext())));
      servletRequest.setAttribute(STARTED, new Started(unsampled, unsampled.makeCurrent(), false));
      return;
    }
    if (!instrumenter.shouldStart(parent, servletRequest)) {
      return;
    }
    Context context = instrumenter.start(parent, servletRequest);
    HttpServerRoute.update(context, HttpServerRouteSource.CONTROLLER, routes.find(servletRequest));
    servletRequest.setAttribute(STARTED, new Started(context, context.makeCurrent(), true));
  }

  void end(Request request, Response response) {
    HttpServletRequest servletRequest = request.raw();
    if (!(servletRequest.getAttribute(STARTED) instanceof Started started)) {
      return;
    }
    servletRequest.removeAttribute(STARTED);
    started.scope().close();
    if (started.traced()) {
      HttpServletResponse servletResponse = response.raw();
      if (capturesContentType && servletResponse.getContentType() == null) {
        // Spark applies this default only when it writes the body, after every filter; applying it now, as Spark
        // would, lets the captured Content-Type be the one the client receives.
        servletResponse.setContentType(SPARK_DEFAULT_CONTENT_TYPE);
      }
      // No Throwable: Spark has already turned an exception into a 500 response, which is what the agent reports too.
      instrumenter.end(started.context(), servletRequest, servletResponse, null);
    }
  }

  private boolean isExcluded(HttpServletRequest request) {
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

  private record Started(Context context, Scope scope, boolean traced) {}
}
