package io.opentelemetry.example.autoinstrumentation.common;

import io.opentelemetry.instrumentation.runtimetelemetry.RuntimeTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

/**
 * All SDK management of the modes that have an SDK (manual, programmatic, client) takes place here, away from the
 * instrumentation code. The SDK reads the same {@code OTEL_*} variables and {@code otel.*} properties as the agent, over
 * the same defaults ({@code otel-defaults.properties}), so one configuration drives every mode. As the agent does, it
 * also records the JVM's runtime metrics, puts the current span's ids into the MDC of every Logback event ({@link
 * LogCorrelation}), and makes each event a log record that {@code OTEL_LOGS_EXPORTER} exports ({@link LogRecords}).
 *
 * @param sdk the configured SDK, flushed by a shutdown hook
 * @param config the configuration it was built from, for the instrumentation's own settings
 */
public record OpenTelemetrySetup(OpenTelemetrySdk sdk, ConfigProperties config) {

  /** The agent's switch for thread attributes, honoured here too so that every mode adds them or none does. */
  static final String ADD_THREAD_DETAILS = "otel.javaagent.add-thread-details";
  /** The agent's switch for its runtime metrics (jvm.*), on by default there and here. */
  static final String RUNTIME_TELEMETRY = "otel.instrumentation.runtime-telemetry.enabled";

  /**
   * Builds the SDK and registers a shutdown hook that flushes it. The service is named as under the agent: {@code
   * OTEL_SERVICE_NAME} (or {@code service.name} in {@code OTEL_RESOURCE_ATTRIBUTES}) if set, else the jar's name, found
   * by the agent's own detector from {@code opentelemetry-resources}. A bad configuration ends the process with one line
   * on stderr.
   */
  public static OpenTelemetrySetup initialize() {
    OneLineLogging.install();
    AtomicReference<ConfigProperties> config = new AtomicReference<>();
    try {
      OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
          .addPropertiesSupplier(OpenTelemetrySetup::defaults)
          .addPropertiesCustomizer(properties -> {
            NotInThisBuild.check(properties);
            config.set(properties); // the public hook that hands out the merged configuration
            return exportTimeout(properties);
          })
          .addTracerProviderCustomizer(OpenTelemetrySetup::addThreadDetails)
          .build()
          .getOpenTelemetrySdk();
      if (config.get().getBoolean(RUNTIME_TELEMETRY, true)) {
        RuntimeTelemetry.create(sdk); // JVM-wide, for as long as the process runs
      }
      if (logsThroughLogback()) {
        LogCorrelation.install();
        LogRecords.install(sdk);
      }
      return new OpenTelemetrySetup(sdk, config.get());
    } catch (ConfigurationException e) {
      return Exit.withError("bad OpenTelemetry configuration: " + e.getMessage());
    }
  }

  /** Whether this program logs through Logback: the servers do; the client, which logs nothing, has no Logback. */
  private static boolean logsThroughLogback() {
    try {
      Class.forName("ch.qos.logback.classic.LoggerContext", false, OpenTelemetrySetup.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false; // and LogCorrelation, which names Logback's classes, must not be loaded
    }
  }

  static Map<String, String> defaults() {
    Map<String, String> defaults = new HashMap<>();
    Properties file = new Properties();
    try (InputStream in = OpenTelemetrySetup.class.getResourceAsStream("/otel-defaults.properties")) {
      file.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    file.stringPropertyNames().forEach(key -> defaults.put(key, file.getProperty(key)));
    return defaults;
  }

  /**
   * The JDK's HTTP sender, when an export has used up OTEL_EXPORTER_OTLP_TIMEOUT, still sleeps a retry back-off of about
   * a second before it gives up; the agent's OkHttp sender gives up at once. So that the timeout bounds an export, and a
   * shutdown, as it does under the agent, the batch processor waits no longer than it, unless OTEL_BSP_EXPORT_TIMEOUT
   * says otherwise.
   */
  static Map<String, String> exportTimeout(ConfigProperties config) {
    if (config.getString("otel.bsp.export.timeout") != null || !config.getList("otel.traces.exporter").contains("otlp")) {
      return Map.of();
    }
    Duration timeout = config.getDuration("otel.exporter.otlp.traces.timeout",
        config.getDuration("otel.exporter.otlp.timeout", Duration.ofSeconds(10)));
    return Map.of("otel.bsp.export.timeout", String.valueOf(timeout.toMillis()));
  }

  private static SdkTracerProviderBuilder addThreadDetails(
      SdkTracerProviderBuilder tracerProvider, ConfigProperties config) {
    return config.getBoolean(ADD_THREAD_DETAILS, true)
        ? tracerProvider.addSpanProcessor(new ThreadDetailsSpanProcessor())
        : tracerProvider;
  }
}
