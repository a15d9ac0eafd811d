package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import static io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode.AUTOMATIC;
import static io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode.MANUAL;
import static io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode.PROGRAMMATIC;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one list of differences between the modes that exist by design, each with its one-line reason; docs/comparison.md
 * explains each at length. An entry names the value each differing mode must show, as a regular expression, and the
 * modes it does not name must still agree: a mode that drifts from what the entry says, or a difference the entry does
 * not name, is DIFFERENT. {@link SpringKnownDifferences} is the Spring Boot variants' list, read the same way.
 */
final class KnownDifferences {

  private static final String ANY_VERSION = "\\d+\\.\\d+\\S*";
  /** The version the agent gives the scopes of its instrumentations: its release, this build's one line. */
  private static final String AGENT_VERSION = Pattern.quote("2.31.1-alpha");

  /**
   * A difference in the sections matching {@code sectionPattern} (a scenario's name, a span of the real handler's
   * trace, "resource"; null for any), on fields matching {@code fieldPattern}, where each server in {@code values} shows
   * a value matching its pattern.
   */
  record Known(String sectionPattern, String fieldPattern, Map<? extends Server, String> values, String reason) {

    private boolean applies(String rowSection, String field) {
      return (sectionPattern == null || rowSection.matches(sectionPattern)) && field.matches(fieldPattern);
    }

    /** Whether this entry is about modes that emit nothing at all for the section: no span, no metric. */
    private boolean isAbsence() {
      return values.values().stream().allMatch(pattern ->
          Comparison.ABSENCES.stream().anyMatch(absence -> Pattern.matches(pattern, absence)));
    }

    /** Whether this absence entry applies to the row: every mode it names emitted nothing for the section. */
    private boolean setsAside(String rowSection, String field, Map<Server, String> row) {
      return isAbsence() && applies(rowSection, field)
          && values.keySet().stream().allMatch(mode -> Comparison.isAbsent(row.get(mode))
              && Pattern.matches(values.get(mode), row.get(mode)));
    }

    /**
     * Whether the entry explains {@code present}, the row without the modes that an absence entry has set aside: each
     * mode it names still in the row shows what the entry says (at least one must be), and the rest agree.
     */
    boolean excuses(String rowSection, String field, Map<Server, String> present) {
      if (!applies(rowSection, field) || values.keySet().stream().noneMatch(present::containsKey)) {
        return false;
      }
      for (Map.Entry<? extends Server, String> expected : values.entrySet()) {
        String actual = present.get(expected.getKey());
        if (actual != null && !Pattern.matches(expected.getValue(), actual)) {
          return false;
        }
      }
      return present.entrySet().stream()
          .filter(entry -> !values.containsKey(entry.getKey()))
          .map(Map.Entry::getValue)
          .distinct()
          .count() <= 1;
    }
  }

  /** Every section but the outgoing calls': the server spans, whose scopes are the modes' own. */
  private static final String SERVER_SPANS = "(?!(?:" + TreeSpan.HTTP_CLIENT.section() + "|" + TreeSpan.QUERY.section() + ")$).*";
  /** The routes that throw: manual's span ends with the exception, before Spark or Jetty answers it. */
  private static final String THROWN = Scenario.EXCEPTION.name() + "|" + Scenario.ERROR.name();
  /** Why manual's span does not show what Spark does after the route: the reason docs/comparison.md gives at length. */
  private static final String AFTER_THE_ROUTE = "manual's span wraps the route, as the Python example's does, and ends"
      + " when the route returns or throws; ";

  private static final String MANUAL_CAPTURES_NONE = "manual's spans take upstream's conventions with their defaults,"
      + " which capture no header (the capture settings are the agent's and the library's)";

  static final List<Known> LIST = List.of(
      // The more specific entries first: the first entry that explains a row gives its reason.
      new Known(TreeSpan.HTTP_CLIENT.section(), "scope", Map.of(
              MANUAL, Pattern.quote("io.opentelemetry.example.server-manual"),
              AUTOMATIC, Pattern.quote("io.opentelemetry.okhttp-3.0"),
              PROGRAMMATIC, Pattern.quote("io.opentelemetry.okhttp-3.0")),
          "the agent and the library both run upstream's OkHttp instrumentation; manual writes its CLIENT span by hand"),
      new Known(TreeSpan.HTTP_CLIENT.section(), "scope\\.version", Map.of(
              MANUAL, ANY_VERSION, AUTOMATIC, AGENT_VERSION, PROGRAMMATIC, AGENT_VERSION),
          "manual's span carries the version of its own code; the agent and the library run upstream's, of one release"),
      new Known(SERVER_SPANS, "scope", Map.of(
              MANUAL, Pattern.quote("io.opentelemetry.example.server-manual"),
              AUTOMATIC, Pattern.quote("io.opentelemetry.jetty-8.0"),
              PROGRAMMATIC, Pattern.quote("io.opentelemetry.example.spark-2.6")),
          "each mode has its own instrumentation scope: the agent's Jetty instrumentation, the library, the hand-written code"),
      new Known(SERVER_SPANS, "scope\\.version", Map.of(
              MANUAL, ANY_VERSION, AUTOMATIC, AGENT_VERSION, PROGRAMMATIC, ANY_VERSION),
          "each scope carries the version of its own code: the agent's release, this project's"),
      new Known(Scenario.NOT_FOUND.name(), ".*", Map.of(MANUAL, Pattern.quote(Normalizer.ABSENT)),
          "manual makes its span inside the route handler, and Spark answers an unmatched path without calling it"),
      new Known(Scenario.EXCEPTION.name(), "events", Map.of(MANUAL, "exception"),
          "manual sees the exception in the route and records it; Spark turns it into a 500 before the agent or the library can"),
      new Known(THROWN, "http\\.response\\.status_code", Map.of(MANUAL, "\\(absent\\)"),
          AFTER_THE_ROUTE + "the 500 is what Spark, or Jetty for an Error, answers after it"),
      new Known(THROWN, "error\\.type", Map.of(MANUAL, "(?:[a-z]\\w*\\.)+[A-Z]\\w*"),
          AFTER_THE_ROUTE + "with no status to go by, upstream's conventions name the class of what the route threw"),
      // authorization apart: its entry below must still catch programmatic leaking it as the agent does
      new Known(SERVER_SPANS, "http\\.(?:request|response)\\.header\\.(?!authorization$).*",
          Map.of(MANUAL, "\\(absent\\)"), MANUAL_CAPTURES_NONE),
      new Known(Scenario.HEADERS.name(), "http\\.request\\.header\\.authorization",
          // the agent's value is the credential the scenario sent: a leak, not any other difference
          Map.of(MANUAL, "\\(absent\\)", AUTOMATIC, "\\[Bearer \\S+\\]", PROGRAMMATIC, Pattern.quote("[REDACTED]")),
          "a credential leaks: the agent exports captured credential headers as sent, where programmatic writes"
              + " REDACTED and " + MANUAL_CAPTURES_NONE + "; load agent-extension"
              + " (OTEL_JAVAAGENT_EXTENSIONS=agent-extension/target/agent-extension.jar) or do not capture them"),
      // with agent-extension loaded, the agent redacts it as the library does
      new Known(Scenario.HEADERS.name(), "http\\.request\\.header\\.authorization", Map.of(MANUAL, "\\(absent\\)",
          AUTOMATIC, Pattern.quote("[REDACTED]"), PROGRAMMATIC, Pattern.quote("[REDACTED]")), MANUAL_CAPTURES_NONE),
      new Known(MetricRows.REQUEST_DURATION, ".*", Map.of(MANUAL, Pattern.quote(MetricRows.NO_METRIC)),
          "manual writes only its span, and records no metric, as the Python example's manual server does not"),
      new Known(Comparison.RESOURCE, "telemetry\\.distro\\..*", Map.of(MANUAL, "\\(absent\\)", PROGRAMMATIC, "\\(absent\\)"),
          "only the agent is a distribution"));

  /**
   * Why {@code values} differ, if by design. First the modes that an absence entry excuses for making no span are set
   * aside; the others must then agree, or differ as one value entry says.
   */
  static Optional<String> reason(List<Known> list, String section, String field, Map<Server, String> values) {
    Map<Server, String> present = new LinkedHashMap<>(values);
    List<String> reasons = new ArrayList<>();
    for (Known known : list) {
      if (known.setsAside(section, field, values)) {
        present.keySet().removeAll(known.values().keySet());
        reasons.add(known.reason());
      }
    }
    if (present.values().stream().distinct().count() > 1) {
      Optional<Known> explained = list.stream()
          .filter(known -> !known.isAbsence() && known.excuses(section, field, present))
          .findFirst();
      if (explained.isEmpty()) {
        return Optional.empty();
      }
      reasons.add(explained.get().reason());
    }
    return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; and ", reasons));
  }

  /** Whether an entry of {@code list} says that {@code server} makes no span for {@code section}. */
  static boolean makesNoSpan(List<Known> list, String section, Server server) {
    return list.stream().anyMatch(known -> known.isAbsence() && known.applies(section, "name")
        && known.values().containsKey(server) && Pattern.matches(known.values().get(server), Normalizer.ABSENT));
  }

  private KnownDifferences() {}
}
