package io.opentelemetry.example.autoinstrumentation.server.manual;

import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_HEADER;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_RESPONSE_HEADER;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;
import io.opentelemetry.instrumentation.api.instrumenter.SpanNameExtractor;
import io.opentelemetry.instrumentation.api.instrumenter.SpanStatusBuilder;
import io.opentelemetry.instrumentation.api.instrumenter.SpanStatusExtractor;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Upstream's HTTP semantic-convention code, called by a span written by hand: its name, its attributes when it starts
 * and when it ends, and its status, as the agent computes them. The Java counterpart of the Python example's {@code
 * collect_request_attributes}, which its manual server borrows from the WSGI instrumentation. {@code credentials} are
 * the captured-header attributes whose values are shown as {@code REDACTED}.
 */
record HttpConventions<REQUEST, RESPONSE>(SpanNameExtractor<REQUEST> names,
    AttributesExtractor<REQUEST, RESPONSE> attributes, SpanStatusExtractor<REQUEST, RESPONSE> statuses,
    List<AttributeKey<List<String>>> credentials) {

  /** The attributes that capture these headers, of the request and of the response. */
  static List<AttributeKey<List<String>>> captured(List<String> headers) {
    return headers.stream().map(header -> header.toLowerCase(Locale.ROOT))
        .flatMap(name -> Stream.of(HTTP_REQUEST_HEADER.getAttributeKey(name), HTTP_RESPONSE_HEADER.getAttributeKey(name)))
        .toList();
  }

  String spanName(REQUEST request) {
    return names.extract(request);
  }

  Attributes onStart(Context parent, REQUEST request) {
    AttributesBuilder builder = Attributes.builder();
    attributes.onStart(builder, parent, request);
    return redacted(builder);
  }

  /** {@code response} is null when {@code error} came instead. */
  Attributes onEnd(Context context, REQUEST request, RESPONSE response, Throwable error) {
    AttributesBuilder builder = Attributes.builder();
    attributes.onEnd(builder, context, request, response, error);
    return redacted(builder);
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

  /**
   * The captured credentials' values replaced, one {@code REDACTED} per value. Only the captured copies: the getter,
   * which every attribute reads, stays as it is, so naming {@code Host} a credential hides no {@code server.address}.
   */
  private Attributes redacted(AttributesBuilder builder) {
    Attributes extracted = builder.build();
    for (AttributeKey<List<String>> credential : credentials) {
      List<String> values = extracted.get(credential);
      if (values != null) {
        builder.put(credential, Collections.nCopies(values.size(), "REDACTED"));
      }
    }
    return builder.build();
  }
}
