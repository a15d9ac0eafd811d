package io.opentelemetry.example.autoinstrumentation.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class OpenTelemetrySetupTest {

  @Test
  void defaultsExportOtlpOverHttpAsTheAgentDoesAndNameNoService() {
    assertThat(OpenTelemetrySetup.defaults())
        .containsEntry("otel.exporter.otlp.protocol", "http/protobuf")
        .doesNotContainKey("otel.service.name");
  }

  @Test
  void batchProcessorWaitsNoLongerThanTheOtlpTimeout() {
    assertThat(OpenTelemetrySetup.exportTimeout(config(Map.of("otel.traces.exporter", "otlp"))))
        .containsExactly(Map.entry("otel.bsp.export.timeout", "10000"));
    assertThat(OpenTelemetrySetup.exportTimeout(config(Map.of(
        "otel.traces.exporter", "otlp", "otel.exporter.otlp.timeout", "1000"))))
        .containsExactly(Map.entry("otel.bsp.export.timeout", "1000"));
    assertThat(OpenTelemetrySetup.exportTimeout(config(Map.of(
        "otel.traces.exporter", "otlp", "otel.bsp.export.timeout", "5000")))).as("set by the user").isEmpty();
    assertThat(OpenTelemetrySetup.exportTimeout(config(Map.of("otel.traces.exporter", "console")))).isEmpty();
  }

  @Test
  void whatNeedsOkHttpIsRefusedSayingWhatToSetInstead() {
    assertThatThrownBy(() -> NotInThisBuild.check(config(Map.of(
        "otel.traces.exporter", "otlp", "otel.exporter.otlp.protocol", "grpc"))))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("set OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf");
    assertThatThrownBy(() -> NotInThisBuild.check(config(Map.of(
        "otel.logs.exporter", "otlp", "otel.exporter.otlp.logs.protocol", "grpc"))))
        .hasMessageContaining("OTLP over grpc");
    assertThatThrownBy(() -> NotInThisBuild.check(config(Map.of("otel.traces.exporter", "console,zipkin"))))
        .hasMessageStartingWith("the zipkin exporter needs OkHttp");
    assertThatThrownBy(() -> NotInThisBuild.check(config(Map.of("otel.traces.sampler", "jaeger_remote"))))
        .hasMessageStartingWith("the jaeger_remote sampler");
    assertThatThrownBy(() -> NotInThisBuild.check(config(Map.of(
        "otel.traces.exporter", "otlp", "otel.exporter.otlp.protocol", "http/json"))))
        .hasMessageStartingWith("OTLP over http/json is not supported");
  }

  @Test
  void withoutTheDefaultsFileAutoconfigureWouldSpeakGrpc() {
    assertThatThrownBy(() -> NotInThisBuild.check(config(Map.of("otel.traces.exporter", "otlp"))))
        .hasMessageStartingWith("OTLP over grpc");
    NotInThisBuild.check(config(Map.of("otel.traces.exporter", "otlp", "otel.exporter.otlp.protocol", "http/protobuf")));
  }

  @Test
  void grpcIsNoProblemWhenNothingExportsOtlp() {
    NotInThisBuild.check(config(Map.of("otel.traces.exporter", "console", "otel.exporter.otlp.protocol", "grpc")));
  }

  @Test
  void aFailureIsOneLineWithItsRootCause() {
    LogRecord record = new LogRecord(Level.SEVERE, "Failed to export spans.");
    record.setLoggerName("io.opentelemetry.exporter.otlp.internal.HttpExporter");
    record.setThrown(new CompletionException(new IOException(new HttpTimeoutException("request timed out"))));

    assertThat(new OneLineLogging.OneLineFormatter().format(record))
        .startsWith("[otel.sdk ")
        .endsWith("SEVERE io.opentelemetry.exporter.otlp.internal.HttpExporter - Failed to export spans."
            + " (HttpTimeoutException: request timed out)" + System.lineSeparator())
        .hasLineCount(1);
  }

  private static DefaultConfigProperties config(Map<String, String> properties) {
    return DefaultConfigProperties.createFromMap(properties);
  }
}
