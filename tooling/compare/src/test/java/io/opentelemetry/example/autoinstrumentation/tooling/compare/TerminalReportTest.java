package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalReportTest {

  static final String LONG = "io.opentelemetry.example.a-scope-name-long-enough-to-need-more-than-one-line-of-a-terminal"
      + "-that-is-one-hundred-and-twenty-columns-wide";

  @Test
  void leadsWithTheSummaryThenWhatDiffersAndListsTheSameRowsLast() {
    String report = TerminalReport.render(Lineup.MODES, rows());

    assertThat(report.strip().lines().findFirst()).hasValueSatisfying(first -> assertThat(first).startsWith("1 same, "));
    assertThat(report.indexOf("DIFFERENT: 1 rows")).isLessThan(report.indexOf("Expected, by design"));
    assertThat(report.indexOf("Expected, by design")).isLessThan(report.indexOf("Same in every mode"));
    assertThat(report).contains("/no_such_route: no span from manual");
  }

  @Test
  void fitsOneHundredAndTwentyColumnsWithoutCuttingAValue() {
    String report = TerminalReport.render(Lineup.MODES, rows());

    assertThat(report.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
    // the long value is there whole, once its continuation lines are joined
    assertThat(report.lines().map(String::strip).reduce("", String::concat)).contains(LONG);
  }

  /** A mode that records no metric makes one line, not one block per data point of the others. */
  @Test
  void aModeWithoutTheMetricIsOneLine() {
    String reason = "manual writes only its span";
    List<Row> rows = List.of("GET /server_request 200 · url.scheme", "GET /server_request 200 · count",
        "GET /fail/halt 401 · url.scheme").stream()
        .map(field -> new Row(MetricRows.REQUEST_DURATION, field, Map.of(Mode.MANUAL, MetricRows.NO_METRIC,
            Mode.AUTOMATIC, "http", Mode.PROGRAMMATIC, "http"), Row.Verdict.EXPECTED, reason))
        .toList();

    String report = TerminalReport.render(Lineup.MODES, rows);

    assertThat(report).contains("no metric from manual (3 rows)").doesNotContain("url.scheme");
  }

  private static List<Row> rows() {
    Map<String, Map<Mode, Map<String, String>>> spans = new LinkedHashMap<>();
    spans.put(Scenario.PYTHON_EXAMPLE.name(), byMode(
        Map.of("name", "GET /server_request", "scope", "io.opentelemetry.example.server-manual"),
        Map.of("name", "GET /server_request", "scope", "io.opentelemetry.jetty-8.0"),
        Map.of("name", "GET /server_request", "scope", LONG)));
    Map<Mode, Map<String, String>> notFound = new EnumMap<>(Mode.class);
    notFound.put(Mode.AUTOMATIC, Map.of("name", "GET"));
    notFound.put(Mode.PROGRAMMATIC, Map.of("name", "GET"));
    spans.put(Scenario.NOT_FOUND.name(), notFound);
    return Comparison.rows(Lineup.MODES, spans, Map.of());
  }

  private static Map<Mode, Map<String, String>> byMode(
      Map<String, String> manual, Map<String, String> automatic, Map<String, String> programmatic) {
    Map<Mode, Map<String, String>> spans = new EnumMap<>(Mode.class);
    spans.put(Mode.MANUAL, new LinkedHashMap<>(manual));
    spans.put(Mode.AUTOMATIC, new LinkedHashMap<>(automatic));
    spans.put(Mode.PROGRAMMATIC, new LinkedHashMap<>(programmatic));
    return spans;
  }
}
