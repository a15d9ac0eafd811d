package io.opentelemetry.example.autoinstrumentation.server.manual;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;
import io.opentelemetry.instrumentation.api.instrumenter.SpanNameExtractor;
import io.opentelemetry.instrumentation.api.instrumenter.SpanStatusBuilder;
import io.opentelemetry.instrumentation.api.instrumenter.SpanStatusExtractor;

/**
 * Upstream's HTTP semantic-convention code, called by a span written by hand: its name, its attributes when it starts
 * and when it ends, and its status, as the agent computes them. The Java counterpart of the Python example's {@code
 * collect_request_attributes}, which its manual server borrows from the WSGI instrumentation.
 */
record HttpConventions<REQUEST, RESPONSE>(SpanNameExtractor<REQUEST> names,
    AttributesExtractor<REQUEST, RESPONSE> attributes, SpanStatusExtractor<REQUEST, RESPONSE> statuses) {

  String spanName(REQUEST request) {
    return names.extract(request);
  }

  Attributes onStart(Context parent, REQUEST request) {
    AttributesBuilder builder = Attributes.builder();
    attributes.onStart(builder, parent, request);
    return builder.build();
  }

  /** {@code response} is null when {@code error} came instead. */
  Attributes onEnd(Context context, REQUEST request, RESPONSE response, Throwable error) {
    AttributesBuilder builder = Attributes.builder();
    attributes.onEnd(builder, context, request, response, error);
    return builder.build();
  }

  StatusCode status(REQUEST request, RESPONSE response, Throwable error) {
    StatusCode[] status = {StatusCode.UNSET};
    statuses.extract(new SpanStatusBuilder() {
      @Override
      public SpanStatusBuilder setStatus(StatusCode code, String description) {
        status[0] = code;
        return this;
      }
    }, request, response, error);
    return status[0];
  }
}
