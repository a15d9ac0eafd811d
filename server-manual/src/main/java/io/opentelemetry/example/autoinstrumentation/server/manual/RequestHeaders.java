package io.opentelemetry.example.autoinstrumentation.server.manual;

import io.opentelemetry.context.propagation.TextMapGetter;
import spark.Request;

/** Lets the configured propagators read {@code traceparent} and {@code tracestate} from a Spark request. */
enum RequestHeaders implements TextMapGetter<Request> {
  INSTANCE;

  @Override
  public Iterable<String> keys(Request request) {
    return request.headers();
  }

  @Override
  public String get(Request request, String key) {
    return request == null ? null : request.headers(key);
  }
}
