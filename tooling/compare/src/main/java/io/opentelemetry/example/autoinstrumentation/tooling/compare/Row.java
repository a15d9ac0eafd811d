package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.Server;
import java.util.Map;

/** One line of the comparison: a field of one section, its value on each server of the lineup, and the verdict. */
record Row(String section, String field, Map<Server, String> values, Verdict verdict, String reason) {

  enum Verdict {
    SAME("same"),
    EXPECTED("expected"),
    DIFFERENT("DIFFERENT");

    final String label;

    Verdict(String label) {
      this.label = label;
    }
  }
}
