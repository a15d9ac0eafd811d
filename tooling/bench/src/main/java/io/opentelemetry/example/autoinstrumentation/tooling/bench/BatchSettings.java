package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/**
 * The batch span processor's settings: the shared defaults of otel-defaults.properties, or one of them changed, so that
 * the bench shows what each shared setting buys: the queue and the delay put back to the SDK's defaults, and the larger
 * batch that the shared defaults once set.
 */
enum BatchSettings {
  SHARED("shared", "queue 16,384, batch 512, delay 500 ms (otel-defaults.properties)", Map.of()),
  SDK_QUEUE("sdk-queue", "the SDK's queue of 2,048 spans", Map.of("OTEL_BSP_MAX_QUEUE_SIZE", "2048")),
  SDK_DELAY("sdk-delay", "the SDK's delay of 5 s", Map.of("OTEL_BSP_SCHEDULE_DELAY", "5000")),
  LARGE_BATCH("batch-2048", "batches of 2,048 spans", Map.of("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "2048"));

  final String label;
  final String description;
  /** OTEL_* variables win over the defaults file in every mode. */
  final Map<String, String> environment;

  BatchSettings(String label, String description, Map<String, String> environment) {
    this.label = label;
    this.description = description;
    this.environment = environment;
  }

  @JsonValue
  String label() {
    return label;
  }

  /** Any of them by its label, the shared defaults included. */
  @JsonCreator
  static BatchSettings of(String label) {
    return Labels.find(values(), BatchSettings::label, label, "batch settings");
  }
}
