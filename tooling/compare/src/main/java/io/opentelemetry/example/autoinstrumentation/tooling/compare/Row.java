package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import java.util.Map;

/** One line of the comparison: a field of one section, its value in each mode, and the verdict. */
record Row(String section, String field, Map<Mode, String> values, Verdict verdict, String reason) {

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
