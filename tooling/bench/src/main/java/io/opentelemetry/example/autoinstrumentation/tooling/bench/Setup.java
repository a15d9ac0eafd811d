package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.OtlpReceiver;
import java.util.HashMap;
import java.util.Map;

/** One server configuration the bench measures: a variant, how it exports, its batch settings, and the route loaded. */
record Setup(Variant variant, Exporter exporter, BatchSettings batch, Route route) {

  /** The setup of a variant in the main tables: exporting over OTLP, the shared defaults; a baseline exports nothing. */
  static Setup main(Variant variant, Route route) {
    return new Setup(variant, variant.isBaseline() ? Exporter.NONE : Exporter.OTLP, BatchSettings.SHARED, route);
  }

  boolean isMain() {
    return equals(main(variant, route));
  }

  /** The environment of its server; the bench adds nothing else. */
  Map<String, String> environment(OtlpReceiver receiver) {
    Map<String, String> environment = new HashMap<>(exporter.environment(receiver));
    environment.putAll(batch.environment);
    return environment;
  }

  /** SERVER spans reach the receiver, one per request. */
  boolean countsSpans() {
    return variant.exportsSpans() && exporter == Exporter.OTLP;
  }

  /** Latency at the fixed rate is a column of the main tables and of the batch settings' table only. */
  boolean takesFixedRate() {
    return isMain() || batch != BatchSettings.SHARED;
  }

  /** A short name for the console: {@code manual · none}, {@code manual · otlp · SDK batch}, {@code baseline}. */
  String label() {
    if (variant.isBaseline()) {
      return variant.label;
    }
    return variant.label + " · " + exporter.label + (batch == BatchSettings.SHARED ? "" : " · " + batch.label);
  }
}
