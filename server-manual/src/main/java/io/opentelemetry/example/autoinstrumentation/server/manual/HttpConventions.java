package io.opentelemetry.example.autoinstrumentation.server.manual;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;
import io.opentelemetry.instrumentation.api.instrumenter.SpanNameExtractor;
import io.opentelemetry.instrumentation.api.instrumenter.SpanStatusBuilder;
import io.opentelemetry.instrumentation.api.instrumenter.SpanStatusExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpClientAttributesExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpClientAttributesGetter;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesGetter;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanNameExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanStatusExtractor;

/**
 * Upstream's HTTP semantic-convention code, called by spans written by hand: a span's name, its attributes when it
 * starts and when it ends, and its status, as the agent computes them, with upstream's defaults, which are the agent's.
 * The Java counterpart of the Python example's {@code collect_request_attributes}, borrowed from its WSGI library.
 */
record HttpConventions<REQUEST, RESPONSE>(SpanNameExtractor<REQUEST> names,
    AttributesExtractor<REQUEST, RESPONSE> attributes, SpanStatusExtractor<REQUEST, RESPONSE> statuses) {

  static <Q, R> HttpConventions<Q, R> server(HttpServerAttributesGetter<Q, R> getter) {
    return new HttpConventions<>(HttpSpanNameExtractor.create(getter), HttpServerAttributesExtractor.create(getter),
        HttpSpanStatusExtractor.create(getter));
  }

  static <Q, R> HttpConventions<Q, R> client(HttpClientAttributesGetter<Q, R> getter) {
    return new HttpConventions<>(HttpSpanNameExtractor.create(getter), HttpClientAttributesExtractor.create(getter),
        HttpSpanStatusExtractor.create(getter));
  }

  String spanName(REQUEST request) {
    return names.extract(request);
  }

  Attributes onStart(Context parent, REQUEST request) {
    AttributesBuilder builder = Attributes.builder();
    attributes.onStart(builder, parent, request);
    return builder.build();
  }

  /** The attributes known at the end, and the status: ERROR for a failure, a server's 5xx, a client's 4xx and 5xx. */
  void onEnd(Span span, Context context, REQUEST request, RESPONSE response, Throwable error) {
    AttributesBuilder builder = Attributes.builder();
    attributes.onEnd(builder, context, request, response, error); // response is null when error came instead
    span.setAllAttributes(builder.build());
    statuses.extract(new SpanStatusBuilder() {
      @Override
      public SpanStatusBuilder setStatus(StatusCode code, String description) {
        span.setStatus(code, description);
        return this;
      }
    }, request, response, error);
  }
}
