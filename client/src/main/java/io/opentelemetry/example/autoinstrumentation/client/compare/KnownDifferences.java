package io.opentelemetry.example.autoinstrumentation.client.compare;

import static io.opentelemetry.example.autoinstrumentation.client.harness.Mode.MANUAL;
import static io.opentelemetry.example.autoinstrumentation.client.harness.Mode.PROGRAMMATIC;

import io.opentelemetry.example.autoinstrumentation.client.harness.Mode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one list of differences between the modes that exist by design, each with its one-line reason; docs/comparison.md
 * explains each at length. A difference is excused only when the modes an entry names are the only ones that differ:
 * the others must still agree, with the agent's value as the reference.
 */
final class KnownDifferences {

  /** A difference in {@code section} (a scenario's name, "resource", or null for any), on fields matching a pattern. */
  record Known(String section, String fieldPattern, Set<Mode> mayDiffer, String reason) {
    boolean excuses(String rowSection, String field, Map<Mode, String> values) {
      if ((section != null && !section.equals(rowSection)) || !field.matches(fieldPattern)) {
        return false;
      }
      return values.entrySet().stream()
          .filter(entry -> !mayDiffer.contains(entry.getKey()))
          .map(Map.Entry::getValue)
          .distinct()
          .count() <= 1;
    }
  }

  static final List<Known> LIST = List.of(
      new Known(null, "scope", Set.of(MANUAL, PROGRAMMATIC),
          "each mode has its own instrumentation scope: the agent's Jetty instrumentation, the library, the hand-written code"),
      new Known(Scenario.NOT_FOUND.name(), ".*", Set.of(MANUAL),
          "manual makes its span inside the route handler, and Spark answers an unmatched path without calling it"),
      new Known(Scenario.HEADERS.name(), "http\\.request\\.header\\.authorization", Set.of(MANUAL, PROGRAMMATIC),
          "manual and programmatic redact credentials in captured headers; the agent captures them verbatim"),
      new Known("resource", "service\\.name", Set.of(MANUAL, PROGRAMMATIC),
          "each mode names its own service"),
      new Known("resource", "service\\.instance\\.id", Set.of(MANUAL, PROGRAMMATIC),
          "the agent's SDK (1.67) generates an instance id; autoconfigure 1.63 does not, and no artifact published for it adds one"),
      new Known("resource", "telemetry\\.distro\\..*", Set.of(MANUAL, PROGRAMMATIC),
          "only the agent is a distribution"));

  static Optional<String> reason(String section, String field, Map<Mode, String> values) {
    return LIST.stream().filter(known -> known.excuses(section, field, values)).map(Known::reason).findFirst();
  }

  private KnownDifferences() {}
}
