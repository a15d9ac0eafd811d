package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NullCollectorTest {

  @Test
  void countsTheSpansOfOneNameInRealOtlpExports() throws Exception {
    try (NullCollector collector = new NullCollector()) {
      collector.reset("GET /search");
      OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
          .setEndpoint(collector.endpoint() + "/v1/traces").build();
      try (SdkTracerProvider tracing = SdkTracerProvider.builder()
          .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
        Tracer tracer = tracing.get("test");
        for (String name : new String[] {"GET /search", "GET /search", "GET /search/more", "GET /", "GET"}) {
          tracer.spanBuilder(name).setAttribute("http.route", "GET /search").startSpan().end();
        }
        tracing.forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (collector.spans() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }

      // an attribute value with the same text, and a longer name that starts alike, are not span names
      assertThat(collector.spans()).isEqualTo(2);
    }
  }
}
