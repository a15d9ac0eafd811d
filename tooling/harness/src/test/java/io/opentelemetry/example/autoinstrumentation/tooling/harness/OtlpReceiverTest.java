package io.opentelemetry.example.autoinstrumentation.tooling.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OtlpReceiverTest {

  @Test
  void countingReceiverCountsSpansByNameInRealOtlpExportsAndKeepsNothing() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.counting()) {
      export(receiver, "GET /search", "GET /search", "GET /search/more", "GET /", "GET");
      awaitCount(receiver, "GET /search", 2);

      // an attribute value with the same text, and a longer name that starts alike, are not span names
      assertThat(receiver.spansNamed("GET /search")).isEqualTo(2);
      assertThat(receiver.spansNamed("GET /search/more")).isEqualTo(1);
      assertThat(receiver.spansNamed("POST /search")).isZero();
      assertThat(receiver.requests()).as("a counting receiver keeps no export").isEmpty();

      receiver.resetCounts();
      assertThat(receiver.spansNamed("GET /search")).isZero();
    }
  }

  @Test
  void onlyACountingReceiverCounts() {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      assertThatThrownBy(() -> receiver.spansNamed("GET /")).isInstanceOf(IllegalStateException.class);
    }
  }

  private static void export(OtlpReceiver receiver, String... names) {
    OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
        .setEndpoint(receiver.endpoint() + "/v1/traces").build();
    try (SdkTracerProvider tracing = SdkTracerProvider.builder()
        .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
      Tracer tracer = tracing.get("test");
      for (String name : names) {
        tracer.spanBuilder(name).setAttribute("http.route", "GET /search").startSpan().end();
      }
      tracing.forceFlush().join(10, TimeUnit.SECONDS);
    }
  }

  private static void awaitCount(OtlpReceiver receiver, String name, long count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (receiver.spansNamed(name) < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }
}
