package io.opentelemetry.example.autoinstrumentation.tooling.docsgenerator;

import io.opentelemetry.example.autoinstrumentation.tooling.compare.TraceDifferences;
import io.opentelemetry.example.autoinstrumentation.tooling.compare.TraceDifferences.Difference;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a mode's trace differs from manual's, told in one sentence, so the walkthrough shows one JSON span only. */
final class TraceSentences {

  private static final String ASIDE = " (ids, times, ports and thread ids aside)";

  static String differences(List<Difference> differences) {
    if (differences.isEmpty()) {
      return "The same trace as manual's, field for field" + ASIDE + ".\n";
    }
    Map<ExportedSpan, List<Difference>> bySpan = new LinkedHashMap<>();
    differences.forEach(difference -> bySpan.computeIfAbsent(difference.span(), span -> new ArrayList<>()).add(difference));
    List<String> parts = new ArrayList<>();
    bySpan.forEach((span, fields) -> {
      Difference first = fields.get(0);
      if (first.field().equals(TraceDifferences.SPAN)) {
        parts.add(first.value() == null
            ? "without manual's " + span.kind() + " span `" + span.name() + "`"
            : "with a " + span.kind() + " span `" + span.name() + "` that manual's has not");
        return;
      }
      List<String> changes = new ArrayList<>();
      fields.forEach(field -> changes.add("`" + field.field() + "` is `" + field.value() + "`, not `"
          + field.reference() + "`"));
      parts.add("in the " + span.kind() + " span `" + span.name() + "`: " + String.join(", and ", changes));
    });
    return "The same trace as manual's" + ASIDE + ", except " + String.join("; and ", parts) + ".\n";
  }

  private TraceSentences() {}
}
