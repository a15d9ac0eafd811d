package io.opentelemetry.example.autoinstrumentation.agent.extension;

import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The extension's entry point, found by the agent through {@code META-INF/services}: it wraps every span exporter the
 * agent configures in a {@link RedactingSpanExporter}.
 *
 * <p>Why the exporter and not a {@code SpanProcessor}: the agent sets captured request headers when the span starts,
 * where {@code onStart} could rewrite them, but response headers ({@code Set-Cookie}) when it ends, and a stable
 * {@code SpanProcessor} cannot change a span then. Every span passes through the exporter with all its attributes.
 */
public final class RedactionCustomizerProvider implements AutoConfigurationCustomizerProvider {

  /**
   * Headers whose captured values are credentials, as the Spark library treats them: a list of its own, since the agent
   * loads an extension apart from the application's classes.
   */
  static final List<String> DEFAULT_SENSITIVE_HEADERS =
      List.of("Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie");

  /** The programmatic server's setting for more sensitive headers; the extension honours it too. */
  static final String SENSITIVE_HEADERS = "otel.instrumentation.spark.sensitive-headers";

  // tag::customize[]
  @Override
  public void customize(AutoConfigurationCustomizer autoConfiguration) {
    autoConfiguration.addSpanExporterCustomizer(
        (exporter, config) -> new RedactingSpanExporter(exporter, sensitiveHeaders(config)));
  }

  static Set<String> sensitiveHeaders(ConfigProperties config) {
    Set<String> headers = new LinkedHashSet<>();
    DEFAULT_SENSITIVE_HEADERS.forEach(header -> headers.add(header.toLowerCase(Locale.ROOT)));
    config.getList(SENSITIVE_HEADERS).forEach(header -> headers.add(header.trim().toLowerCase(Locale.ROOT)));
    return headers;
  }
  // end::customize[]
}
