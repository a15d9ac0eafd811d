package io.opentelemetry.example.autoinstrumentation.agent.extension;

import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exporter sees every attribute, also those an instrumentation sets when the span ends. */
class RedactingSpanExporterTest {

  private final InMemorySpanExporter exported = InMemorySpanExporter.create();
  private final RedactingSpanExporter exporter =
      new RedactingSpanExporter(exported, Set.of("authorization", "set-cookie", "x-api-key"));
  private final SdkTracerProvider tracerProvider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();

  @AfterEach
  void shutdown() {
    tracerProvider.close();
  }

  @Test
  void credentialsSetAtStartAndAtEndAreRedactedOnePerValue() {
    Span span = tracerProvider.get("test").spanBuilder("GET /server_request")
        .setAttribute(stringArrayKey("http.request.header.authorization"), List.of("Bearer one", "Bearer two"))
        .setAttribute(stringArrayKey("http.request.header.x-custom"), List.of("kept"))
        .startSpan();
    span.setAttribute(stringArrayKey("http.response.header.set-cookie"), List.of("id=secret"));
    span.setAttribute(stringArrayKey("http.response.header.x-api-key"), List.of("key"));
    span.end();

    SpanData data = exported.getFinishedSpanItems().get(0);
    assertThat(data.getAttributes().get(stringArrayKey("http.request.header.authorization")))
        .containsExactly("REDACTED", "REDACTED");
    assertThat(data.getAttributes().get(stringArrayKey("http.response.header.set-cookie"))).containsExactly("REDACTED");
    assertThat(data.getAttributes().get(stringArrayKey("http.response.header.x-api-key"))).containsExactly("REDACTED");
    assertThat(data.getAttributes().get(stringArrayKey("http.request.header.x-custom"))).containsExactly("kept");
    assertThat(data.getName()).isEqualTo("GET /server_request");
  }

  @Test
  void spansWithoutCredentialsPassUnchanged() {
    Span span = tracerProvider.get("test").spanBuilder("plain")
        .setAttribute(stringArrayKey("http.request.header.x-custom"), List.of("kept"))
        .startSpan();
    span.end();

    SpanData data = exported.getFinishedSpanItems().get(0);
    assertThat(exporter.redact(data)).isSameAs(data);
  }
}
