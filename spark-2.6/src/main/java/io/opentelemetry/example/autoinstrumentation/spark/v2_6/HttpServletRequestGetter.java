package io.opentelemetry.example.autoinstrumentation.spark.v2_6;

import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Collections;
import java.util.Iterator;
import javax.annotation.Nullable;
import javax.servlet.http.HttpServletRequest;

/** Lets the configured propagators read {@code traceparent}, {@code tracestate} and the rest from request headers. */
enum HttpServletRequestGetter implements TextMapGetter<HttpServletRequest> {
  INSTANCE;

  @Override
  public Iterable<String> keys(HttpServletRequest request) {
    return Collections.list(request.getHeaderNames());
  }

  @Nullable
  @Override
  public String get(@Nullable HttpServletRequest request, String key) {
    return request == null ? null : request.getHeader(key);
  }

  @Override
  public Iterator<String> getAll(@Nullable HttpServletRequest request, String key) {
    // most requests carry no baggage: nothing to copy then
    return request == null || request.getHeader(key) == null
        ? Collections.emptyIterator()
        : Collections.list(request.getHeaders(key)).iterator();
  }
}
