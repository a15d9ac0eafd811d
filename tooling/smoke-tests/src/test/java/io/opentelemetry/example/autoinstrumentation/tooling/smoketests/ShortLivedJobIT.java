package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.JavaProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.OtlpReceiver;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A job that ends right after its span: what reaches the collector depends on who flushes the SDK as the JVM exits. The
 * agent and autoconfigure register a shutdown hook that does; an SDK built by hand loses what it holds unless the code
 * closes or flushes it. How long each takes to exit is measured by StopTimes, not here.
 */
class ShortLivedJobIT {

  @ParameterizedTest(name = "{0}: exported {1}")
  @CsvSource({"agent, true", "autoconfigure, true", "sdk, false", "sdk-close, true", "sdk-force-flush, true"})
  void whatReachesTheCollectorWhenTheJobEndsRightAfterItsSpan(String setUp, boolean exported) {
    ProcessOutput job;
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      job = JavaProcess.start(ShortLivedJob.command(setUp, JavaProcess.QUICK_START), ProjectLayout.root(), environment(receiver.endpoint()))
          .await(Duration.ofSeconds(60)); // a generous bound: with the collector answering, the exit takes milliseconds

      assertThat(job.killed()).as("ended by itself; stderr: %s", job.stderr()).isFalse();
      assertThat(job.exitCode()).as("stderr: %s", job.stderr()).isZero();
      assertThat(receiver.spans()).extracting(ExportedSpan::name)
          .as("spans at the collector").isEqualTo(exported ? List.of(setUp) : List.of());
    }
  }

  /** OTLP over HTTP to {@code endpoint}, spans only, in every set-up. */
  static Map<String, String> environment(String endpoint) {
    return Map.of(
        "OTEL_EXPORTER_OTLP_ENDPOINT", endpoint,
        "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
        "OTEL_METRICS_EXPORTER", "none",
        "OTEL_LOGS_EXPORTER", "none",
        "OTEL_SERVICE_NAME", "job");
  }
}
