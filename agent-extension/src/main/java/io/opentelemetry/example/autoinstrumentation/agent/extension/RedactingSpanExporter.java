package io.opentelemetry.example.autoinstrumentation.agent.extension;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Hands spans on to {@code delegate} with the values of captured sensitive headers ({@code http.request.header.<name>}
 * and {@code http.response.header.<name>}) replaced by {@code REDACTED}, one per value. Other spans pass unchanged.
 */
final class RedactingSpanExporter implements SpanExporter {

  static final String REDACTED = "REDACTED";

  private final SpanExporter delegate;
  private final List<AttributeKey<List<String>>> keys = new ArrayList<>();

  /** @param sensitiveHeaders header names in lower case, as they appear in the attribute keys */
  RedactingSpanExporter(SpanExporter delegate, Set<String> sensitiveHeaders) {
    this.delegate = delegate;
    for (String header : sensitiveHeaders) {
      keys.add(AttributeKey.stringArrayKey("http.request.header." + header));
      keys.add(AttributeKey.stringArrayKey("http.response.header." + header));
    }
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    List<SpanData> redacted = new ArrayList<>(spans.size());
    for (SpanData span : spans) {
      redacted.add(redact(span));
    }
    return delegate.export(redacted);
  }

  SpanData redact(SpanData span) {
    Attributes attributes = span.getAttributes();
    AttributesBuilder builder = null;
    for (AttributeKey<List<String>> key : keys) {
      List<String> values = attributes.get(key);
      if (values != null) {
        builder = builder == null ? attributes.toBuilder() : builder;
        builder.put(key, Collections.nCopies(values.size(), REDACTED));
      }
    }
    if (builder == null) {
      return span;
    }
    Attributes redacted = builder.build();
    return new DelegatingSpanData(span) {
      @Override
      public Attributes getAttributes() {
        return redacted;
      }
    };
  }

  @Override
  public CompletableResultCode flush() {
    return delegate.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return delegate.shutdown();
  }

  @Override
  public String toString() {
    return "RedactingSpanExporter{" + delegate + "}";
  }
}
