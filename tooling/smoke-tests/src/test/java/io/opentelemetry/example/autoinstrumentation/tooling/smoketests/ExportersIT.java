package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedLog;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.OtlpReceiver;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same OTEL_* variables switch every mode's exporters: spans and logs to a collector, metrics to the console. */
class ExportersIT {

  @ParameterizedTest
  @EnumSource(Mode.class)
  void spansAndLogsGoToAnOtlpHttpCollector(Mode mode) throws Exception {
    try (OtlpReceiver collector = OtlpReceiver.start()) {
      // No protocol given: every mode sends OTLP over HTTP, as the agent does by default.
      ProcessOutput server = requestOnce(mode, running -> collector.awaitSpans(1, Duration.ofSeconds(10)), Map.of(
          "OTEL_TRACES_EXPORTER", "otlp",
          "OTEL_LOGS_EXPORTER", "otlp",
          "OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint()));

      assertThat(server.spans()).as("nothing on the console any more").isEmpty();
      assertThat(collector.requests()).extracting(OtlpReceiver.Request::path).contains("/v1/traces", "/v1/logs");
      assertThat(collector.spans()).filteredOn(span -> span.name().equals("GET /server_request")).singleElement()
          .satisfies(span -> {
            assertThat(span.resource()).containsEntry("service.name", mode.module());
            // The route's Logback line as a log record in the span's context: the agent's Logback instrumentation
            // makes it, and upstream's Logback appender library in the SDK modes.
            assertThat(collector.logs()).filteredOn(log -> log.body().equals("served param=export")).singleElement()
                .isEqualTo(new ExportedLog(mode.mainClass(), "INFO", "served param=export", span.traceId(),
                    span.spanId()));
          });
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void requestDurationMetricFromTheInstrumentedModes(Mode mode) throws Exception {
    ProcessOutput server = requestOnce(mode, running -> running.awaitSpans(1, Duration.ofSeconds(10)), Map.of("OTEL_METRICS_EXPORTER", "logging-otlp"));

    boolean hasDuration = server.stderr().stream().anyMatch(line -> line.contains("\"name\":\"http.server.request.duration\""));
    // The manual server writes a span by hand and records no metric; the agent and the library record both.
    assertThat(hasDuration).isEqualTo(mode != Mode.MANUAL);
  }

  /** One request; then, once {@code exported} has seen it out, a graceful stop. */
  private static ProcessOutput requestOnce(Mode mode, Consumer<ServerProcess> exported, Map<String, String> environment)
      throws IOException, InterruptedException {
    try (ServerProcess server = ServerProcess.start(mode, environment, Duration.ofSeconds(60))) {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(server.uri("/server_request?param=export")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).isEqualTo("served");
      exported.accept(server);
      return server.stop(); // the shutdown flush exports what the periodic readers and batch processors hold
    }
  }
}
