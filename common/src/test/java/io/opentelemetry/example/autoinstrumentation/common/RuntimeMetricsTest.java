package io.opentelemetry.example.autoinstrumentation.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.opentelemetry.instrumentation.runtimetelemetry.RuntimeTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import org.junit.jupiter.api.Test;

/**
 * Why the SDK modes export no runtime metrics (jvm.*), which the agent does by default: upstream's library for them is
 * published only as opentelemetry-runtime-telemetry 2.31.1-alpha, which does not load on this project's instrumentation
 * API, 2.29 (held there by SDK 1.63, the last with the logging-otlp exporter). This test fails once it loads: then the
 * SDK modes can add them, and make compare's runtime-metric rows will say whether they match the agent's.
 */
class RuntimeMetricsTest {

  @Test
  void upstreamsRuntimeMetricsLibraryNeedsANewerInstrumentationApi() {
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build()).build()) {

      Throwable failure = catchThrowable(() -> RuntimeTelemetry.create(sdk));

      assertThat(failure).isInstanceOf(NoClassDefFoundError.class)
          .hasMessage("io/opentelemetry/instrumentation/api/config/IncludeExclude"); // added to the API after 2.29
      assertThat(reader.collectAllMetrics()).isEmpty();
    }
  }
}
