package io.opentelemetry.example.autoinstrumentation.server.programmatic;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.example.autoinstrumentation.spark.v2_6.SparkTelemetry;
import io.opentelemetry.example.autoinstrumentation.spark.v2_6.SparkTelemetryBuilder;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.List;

/**
 * The {@code OTEL_*} variables and {@code otel.*} properties, mapped onto the Spark library's builder here, in the
 * server's set-up: the library reads no configuration itself, as none of upstream's does (the agent and the Spring Boot
 * starter map the same keys onto theirs). Where the agent has the setting, its key; for the two it has not, this
 * repository's {@code otel.instrumentation.spark.*} keys, which agent-extension reads too.
 */
final class SparkTelemetrySetup {

  static final String CAPTURE_REQUEST_HEADERS = "otel.instrumentation.http.server.capture-request-headers";
  static final String CAPTURE_RESPONSE_HEADERS = "otel.instrumentation.http.server.capture-response-headers";
  static final String KNOWN_METHODS = "otel.instrumentation.http.known-methods";
  static final String EMIT_EXPERIMENTAL_TELEMETRY = "otel.instrumentation.http.server.emit-experimental-telemetry";
  static final String SENSITIVE_QUERY_PARAMETERS =
      "otel.instrumentation.sanitization.url.experimental.sensitive-query-parameters";
  /** Headers whose captured values are REDACTED besides the credentials the library knows (comma-separated). */
  static final String SENSITIVE_HEADERS = "otel.instrumentation.spark.sensitive-headers";
  /** Paths that get no span (regular expressions, comma-separated): the Python example's {@code excluded_urls}. */
  static final String EXCLUDED_URLS = "otel.instrumentation.spark.excluded-urls";

  /** The library, with every setting {@code config} gives and the library's own defaults for the rest. */
  static SparkTelemetry create(OpenTelemetry openTelemetry, ConfigProperties config) {
    SparkTelemetryBuilder builder = SparkTelemetry.builder(openTelemetry)
        .setCapturedRequestHeaders(config.getList(CAPTURE_REQUEST_HEADERS))
        .setCapturedResponseHeaders(config.getList(CAPTURE_RESPONSE_HEADERS))
        .setEmitExperimentalHttpServerTelemetry(config.getBoolean(EMIT_EXPERIMENTAL_TELEMETRY, false))
        .addSensitiveHeaders(config.getList(SENSITIVE_HEADERS))
        .setExcludedUrls(config.getList(EXCLUDED_URLS));
    List<String> knownMethods = config.getList(KNOWN_METHODS);
    if (!knownMethods.isEmpty()) { // unset: upstream's list
      builder.setKnownMethods(knownMethods);
    }
    List<String> sensitiveQueryParameters = config.getList(SENSITIVE_QUERY_PARAMETERS);
    if (!sensitiveQueryParameters.isEmpty()) { // unset: upstream's list
      builder.setSensitiveQueryParameters(sensitiveQueryParameters);
    }
    return builder.build();
  }

  private SparkTelemetrySetup() {}
}
