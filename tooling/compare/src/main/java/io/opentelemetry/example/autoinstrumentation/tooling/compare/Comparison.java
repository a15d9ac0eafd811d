package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import io.opentelemetry.example.autoinstrumentation.tooling.compare.Row.Verdict;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Lines up what each mode emitted, field by field, and gives every row its verdict. */
final class Comparison {

  static final String RESOURCE = "resource";
  /** The values a row shows for a mode that emitted nothing for its section. */
  static final List<String> ABSENCES = List.of(Normalizer.ABSENT, MetricRows.NO_METRIC);

  /**
   * @param spans per section, in the order shown, per mode, the normalized fields of the section's span (a mode
   *     without one is absent). A section is a scenario's name ({@link Scenario#sections()}), one span of the real
   *     handler's trace ({@link TreeSpan#section()}), or a metric or the log lines ({@link MetricRows}, {@link
   *     LogRows}), whose fields are built the same way.
   * @param resources per mode, the resource attribute keys its server reported
   */
  static List<Row> rows(Map<String, Map<Mode, Map<String, String>>> spans, Map<Mode, Set<String>> resources) {
    List<Row> rows = new ArrayList<>();
    for (String section : spans.keySet()) {
      Map<Mode, Map<String, String>> byMode = spans.get(section);
      Set<String> fields = new LinkedHashSet<>();
      for (Mode mode : Mode.values()) {
        fields.addAll(byMode.getOrDefault(mode, Map.of()).keySet());
      }
      if (fields.isEmpty()) {
        fields.add("name"); // no mode made a span: still one row, which says so
      }
      for (String field : fields) {
        Map<Mode, String> values = new EnumMap<>(Mode.class);
        for (Mode mode : Mode.values()) {
          Map<String, String> span = byMode.get(mode);
          values.put(mode, span == null ? absence(section) : span.getOrDefault(field, "(absent)"));
        }
        rows.add(row(section, field, values));
      }
    }
    Set<String> keys = new TreeSet<>();
    resources.values().forEach(keys::addAll);
    for (String key : keys) {
      Map<Mode, String> values = new EnumMap<>(Mode.class);
      for (Mode mode : Mode.values()) {
        values.put(mode, resources.getOrDefault(mode, Set.of()).contains(key) ? "present" : "(absent)");
      }
      rows.add(row(RESOURCE, key, values));
    }
    return rows;
  }

  /** What a row shows for a mode that emitted nothing for the section. */
  static String absence(String section) {
    return section.equals(MetricRows.REQUEST_DURATION) ? MetricRows.NO_METRIC : Normalizer.ABSENT;
  }

  static boolean isAbsent(String value) {
    return ABSENCES.contains(value);
  }

  static Row row(String section, String field, Map<Mode, String> values) {
    if (values.values().stream().allMatch(Comparison::isAbsent)) {
      return new Row(section, field, values, Verdict.DIFFERENT, ""); // no mode answered: nothing was compared
    }
    if (field.equals(MetricRows.RECORDINGS) && values.values().stream()
        .anyMatch(value -> !isAbsent(value) && !MetricRows.recordedOncePerRequest(value))) {
      return new Row(section, field, values, Verdict.DIFFERENT, ""); // a request recorded twice or not at all
    }
    if (values.values().stream().distinct().count() == 1) {
      return new Row(section, field, values, Verdict.SAME, "");
    }
    return KnownDifferences.reason(section, field, values)
        .map(reason -> new Row(section, field, values, Verdict.EXPECTED, reason))
        .orElseGet(() -> new Row(section, field, values, Verdict.DIFFERENT, ""));
  }

  /** 0 when every row is the same or expected, 1 when any row is DIFFERENT. */
  static int exitCode(List<Row> rows) {
    return rows.stream().anyMatch(row -> row.verdict() == Verdict.DIFFERENT) ? 1 : 0;
  }

  private Comparison() {}
}
