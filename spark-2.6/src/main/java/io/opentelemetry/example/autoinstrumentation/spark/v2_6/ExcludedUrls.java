package io.opentelemetry.example.autoinstrumentation.spark.v2_6;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;

/**
 * The paths that get no span, and the context their requests run in: the caller's trace and baggage, under a span that
 * is not sampled, as under the agent's sampler that drops a path. Nothing the route does is traced either, and its log
 * lines carry the caller's trace id.
 */
final class ExcludedUrls {

  private final List<Pattern> patterns;
  private final TextMapPropagator propagator;

  ExcludedUrls(List<Pattern> patterns, TextMapPropagator propagator) {
    this.patterns = Collections.unmodifiableList(new ArrayList<>(patterns));
    this.propagator = propagator;
  }

  /** Whether the request's path, without its query, matches one of the patterns in full. */
  boolean matches(HttpServletRequest request) {
    if (patterns.isEmpty()) {
      return false;
    }
    String path = request.getRequestURI();
    for (Pattern excluded : patterns) {
      if (excluded.matcher(path).matches()) {
        return true;
      }
    }
    return false;
  }

  /** {@code parent} with the request's propagated context, and a current span that is not sampled. */
  Context unsampled(Context parent, HttpServletRequest request) {
    Context caller = propagator.extract(parent, request, HttpServletRequestGetter.INSTANCE);
    return caller.with(Span.wrap(unsampledChildOf(Span.fromContext(caller).getSpanContext())));
  }

  /** A span context in the caller's trace (or a new one) whose sampled flag is off. */
  private static SpanContext unsampledChildOf(SpanContext caller) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String traceId = caller.isValid() ? caller.getTraceId() : TraceId.fromLongs(random.nextLong(), random.nextLong() | 1);
    String spanId = SpanId.fromLong(random.nextLong() | 1);
    return SpanContext.create(traceId, spanId, TraceFlags.getDefault(), caller.getTraceState());
  }
}
