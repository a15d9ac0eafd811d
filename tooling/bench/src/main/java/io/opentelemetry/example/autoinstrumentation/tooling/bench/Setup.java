package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import java.util.HashMap;
import java.util.Map;

/** One server configuration the bench measures: a variant, how it exports, its batch settings, and the route loaded. */
record Setup(Variant variant, Exporter exporter, BatchSettings batch, Route route) {

  /** The environment of its server; the bench adds nothing else. */
  Map<String, String> environment(NullCollector collector) {
    Map<String, String> environment = new HashMap<>(exporter.environment(collector));
    environment.putAll(batch.environment);
    return environment;
  }

  /** SERVER spans reach the null collector, one per request. */
  boolean countsSpans() {
    return variant.exportsSpans() && exporter == Exporter.OTLP;
  }

  /** A short name for the console: {@code manual · none}, {@code manual · otlp · SDK batch}, {@code baseline}. */
  String label() {
    if (variant == Variant.BASELINE) {
      return variant.label;
    }
    return variant.label + " · " + exporter.label + (batch == BatchSettings.SHARED ? "" : " · " + batch.label);
  }
}
