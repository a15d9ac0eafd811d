package io.opentelemetry.example.autoinstrumentation.server.manual;

import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_HEADER;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_RESPONSE_HEADER;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.example.autoinstrumentation.common.CredentialHeaders;
import io.opentelemetry.example.autoinstrumentation.server.manual.SparkHttpGetter.Answer;
import io.opentelemetry.instrumentation.api.config.IncludeExclude;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;
import io.opentelemetry.instrumentation.api.instrumenter.SpanNameExtractor;
import io.opentelemetry.instrumentation.api.instrumenter.SpanStatusBuilder;
import io.opentelemetry.instrumentation.api.instrumenter.SpanStatusExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpClientAttributesExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpClientAttributesGetter;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanNameExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanStatusExtractor;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import spark.Request;

/**
 * Upstream's HTTP semantic-convention code, called by a span written by hand: the span's name, its attributes when it
 * starts and when it ends, and its status, as the agent computes them. The Java counterpart of the Python example's
 * {@code collect_request_attributes}, which its manual server borrows from the WSGI instrumentation.
 */
record HttpConventions<REQUEST, RESPONSE>(SpanNameExtractor<REQUEST> names,
    AttributesExtractor<REQUEST, RESPONSE> attributes, SpanStatusExtractor<REQUEST, RESPONSE> statuses,
    List<AttributeKey<List<String>>> credentials) {

  /** The server's conventions, with the agent's settings mapped onto upstream's builders: one setting, every mode. */
  static HttpConventions<Request, Answer> server(ConfigProperties config) {
    SparkHttpGetter getter = SparkHttpGetter.INSTANCE;
    var attributes = HttpServerAttributesExtractor.builder(getter)
        .setRequestHeaders(headers(config, "otel.instrumentation.http.server.capture-request-headers"))
        .setResponseHeaders(headers(config, "otel.instrumentation.http.server.capture-response-headers"));
    var names = HttpSpanNameExtractor.builder(getter);
    List<String> knownMethods = config.getList("otel.instrumentation.http.known-methods");
    if (!knownMethods.isEmpty()) {
      attributes.setKnownMethods(knownMethods);
      names.setKnownMethods(knownMethods);
    }
    List<AttributeKey<List<String>>> credentials = new ArrayList<>();
    for (String header : CredentialHeaders.configured(config)) {
      credentials.add(HTTP_REQUEST_HEADER.getAttributeKey(header.toLowerCase(Locale.ROOT)));
      credentials.add(HTTP_RESPONSE_HEADER.getAttributeKey(header.toLowerCase(Locale.ROOT)));
    }
    var statuses = HttpSpanStatusExtractor.create(getter);
    return new HttpConventions<>(names.build(), attributes.build(), statuses, credentials);
  }

  /** A client's conventions, upstream's defaults. */
  static <Q, R> HttpConventions<Q, R> client(HttpClientAttributesGetter<Q, R> getter) {
    return new HttpConventions<>(HttpSpanNameExtractor.create(getter), HttpClientAttributesExtractor.create(getter),
        HttpSpanStatusExtractor.create(getter), List.of());
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

  /** ERROR for a failure, a server's 5xx and a client's 4xx and 5xx; otherwise unset. */
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

  private static IncludeExclude headers(ConfigProperties config, String key) {
    return IncludeExclude.builder().setIncluded(config.getList(key)).build();
  }

  /**
   * The captured credentials' values, one {@code REDACTED} per value: only the captured copies. The getter, which every
   * attribute reads, stays as Spark has it, so naming {@code Host} a credential hides no {@code server.address}.
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
