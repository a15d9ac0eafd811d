package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.OtlpReceiver;
import java.util.HashMap;
import java.util.Map;

/** How a variant exports its spans: the layers of each mode's cost that the bench takes apart. */
enum Exporter {
  NONE("none", "instrumentation alone: spans are made, then dropped"),
  OTLP("otlp", "plus the batch span processor and OTLP/HTTP export to the bench's receiver, which only counts"),
  CONSOLE("logging-otlp", "plus the batch span processor and the console exporter that the make targets use");

  final String label;
  final String description;

  Exporter(String label, String description) {
    this.label = label;
    this.description = description;
  }

  /** {@code OTEL_TRACES_EXPORTER} and what goes with it; metrics and logs stay off, as the shared defaults have them. */
  Map<String, String> environment(OtlpReceiver receiver) {
    Map<String, String> environment = new HashMap<>();
    environment.put("OTEL_TRACES_EXPORTER", label);
    if (this == OTLP) {
      environment.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
      environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint());
    }
    return environment;
  }

  @JsonValue
  String label() {
    return label;
  }

  @JsonCreator
  static Exporter of(String label) {
    return Labels.find(values(), Exporter::label, label, "exporter");
  }
}
