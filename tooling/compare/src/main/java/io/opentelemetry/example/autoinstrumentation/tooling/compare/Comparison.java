package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import io.opentelemetry.example.autoinstrumentation.tooling.compare.Row.Verdict;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Lines up what each server of a lineup emitted, field by field, and gives every row its verdict. */
final class Comparison {

  static final String RESOURCE = "resource";
  /** The values a row shows for a mode that emitted nothing for its section. */
  static final List<String> ABSENCES = List.of(Normalizer.ABSENT, MetricRows.NO_METRIC);

  /**
   * @param spans per section, in the order shown, per server, the normalized fields of the section's span (a server
   *     without one is absent). A section is a scenario's name ({@link Scenario#sections()}), one span of the real
   *     handler's trace ({@link TreeSpan#section()}), or a metric or the log lines ({@link MetricRows}, {@link
   *     LogRows}), whose fields are built the same way.
   * @param resources per server, the resource attribute keys it reported
   */
  static List<Row> rows(Lineup lineup, Map<String, ? extends Map<? extends Server, Map<String, String>>> spans,
      Map<? extends Server, Set<String>> resources) {
    List<Row> rows = new ArrayList<>();
    for (String section : spans.keySet()) {
      Map<? extends Server, Map<String, String>> byServer = spans.get(section);
      Set<String> fields = new LinkedHashSet<>();
      for (Server server : lineup.servers()) {
        fields.addAll(byServer.containsKey(server) ? byServer.get(server).keySet() : Set.of());
      }
      if (fields.isEmpty()) {
        fields.add("name"); // no server made a span: still one row, which says so
      }
      for (String field : fields) {
        Map<Server, String> values = new LinkedHashMap<>();
        for (Server server : lineup.servers()) {
          Map<String, String> span = byServer.get(server);
          values.put(server, span == null ? absence(section) : span.getOrDefault(field, "(absent)"));
        }
        rows.add(row(lineup, section, field, values));
      }
    }
    Set<String> keys = new TreeSet<>();
    resources.values().forEach(keys::addAll);
    for (String key : keys) {
      Map<Server, String> values = new LinkedHashMap<>();
      for (Server server : lineup.servers()) {
        Set<String> reported = resources.get(server);
        values.put(server, reported != null && reported.contains(key) ? "present" : "(absent)");
      }
      rows.add(row(lineup, RESOURCE, key, values));
    }
    return rows;
  }

  /** What a row shows for a server that emitted nothing for the section. */
  static String absence(String section) {
    return section.equals(MetricRows.REQUEST_DURATION) ? MetricRows.NO_METRIC : Normalizer.ABSENT;
  }

  static boolean isAbsent(String value) {
    return ABSENCES.contains(value);
  }

  static Row row(Lineup lineup, String section, String field, Map<Server, String> values) {
    if (values.values().stream().allMatch(Comparison::isAbsent)) {
      return new Row(section, field, values, Verdict.DIFFERENT, ""); // no server answered: nothing was compared
    }
    if (field.equals(MetricRows.RECORDINGS) && values.values().stream()
        .anyMatch(value -> !isAbsent(value) && !MetricRows.recordedOncePerRequest(value))) {
      return new Row(section, field, values, Verdict.DIFFERENT, ""); // a request recorded twice or not at all
    }
    if (values.values().stream().distinct().count() == 1) {
      return new Row(section, field, values, Verdict.SAME, "");
    }
    return KnownDifferences.reason(lineup.known(), section, field, values)
        .map(reason -> new Row(section, field, values, Verdict.EXPECTED, reason))
        .orElseGet(() -> new Row(section, field, values, Verdict.DIFFERENT, ""));
  }

  /** 0 when every row is the same or expected, 1 when any row is DIFFERENT. */
  static int exitCode(List<Row> rows) {
    return rows.stream().anyMatch(row -> row.verdict() == Verdict.DIFFERENT) ? 1 : 0;
  }

  private Comparison() {}
}
