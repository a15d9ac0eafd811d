package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.opentelemetry.example.autoinstrumentation.tooling.compare.Row.Verdict;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComparisonTest {

  @Test
  void identicalSpansAreTheSameAndExitZero() {
    List<Row> rows = Comparison.rows(Lineup.MODES, Map.of(Scenario.PYTHON_EXAMPLE.name(), allModes(serverRequestSpan())), Map.of());

    assertThat(rows).extracting(Row::verdict).containsOnly(Verdict.SAME);
    assertThat(Comparison.exitCode(rows)).isZero();
  }

  @Test
  void renamedManualSpanIsDifferentAndExitsOne() {
    Map<Mode, Map<String, String>> spans = allModes(serverRequestSpan());
    Map<String, String> renamed = new LinkedHashMap<>(serverRequestSpan());
    renamed.put("name", "server_request");
    spans.put(Mode.MANUAL, renamed);

    List<Row> rows = Comparison.rows(Lineup.MODES, Map.of(Scenario.PYTHON_EXAMPLE.name(), spans), Map.of());

    assertThat(rows).filteredOn(row -> row.verdict() == Verdict.DIFFERENT)
        .singleElement()
        .satisfies(row -> {
          assertThat(row.field()).isEqualTo("name");
          assertThat(row.values()).containsEntry(Mode.MANUAL, "server_request").containsEntry(Mode.AUTOMATIC, "GET /server_request");
        });
    assertThat(Comparison.exitCode(rows)).isEqualTo(1);
    assertThat(TerminalReport.render(Lineup.MODES, rows)).contains("DIFFERENT: 1 rows").contains("0 expected, 1 DIFFERENT")
        .contains("      manual        server_request\n");
  }

  @Test
  void missingManualSpanForNotFoundIsExpected() {
    Map<Mode, Map<String, String>> spans = allModes(serverRequestSpan());
    spans.remove(Mode.MANUAL);

    List<Row> rows = Comparison.rows(Lineup.MODES, Map.of(Scenario.NOT_FOUND.name(), spans), Map.of());

    assertThat(rows).extracting(Row::verdict).containsOnly(Verdict.EXPECTED);
    assertThat(rows.get(0).values()).containsEntry(Mode.MANUAL, Normalizer.ABSENT);
    assertThat(rows.get(0).reason()).contains("Spark answers an unmatched path without calling it");
  }

  @Test
  void aKnownDifferenceStillRequiresTheOtherModesToAgree() {
    Map<Mode, Map<String, String>> spans = allModes(serverRequestSpan());
    spans.remove(Mode.MANUAL);
    Map<String, String> otherRoute = new LinkedHashMap<>(serverRequestSpan());
    otherRoute.put("http.route", "/other");
    spans.put(Mode.PROGRAMMATIC, otherRoute);

    List<Row> rows = Comparison.rows(Lineup.MODES, Map.of(Scenario.NOT_FOUND.name(), spans), Map.of());

    // manual may lack the span, but the library must still match the agent
    assertThat(rows).filteredOn(row -> row.field().equals("http.route"))
        .singleElement()
        .extracting(Row::verdict)
        .isEqualTo(Verdict.DIFFERENT);
  }

  @Test
  void resourceKeysOnlyTheAgentHasAreExpectedOthersAreNot() {
    Map<Mode, Set<String>> resources = new EnumMap<>(Mode.class);
    resources.put(Mode.MANUAL, Set.of("service.name", "host.name"));
    resources.put(Mode.AUTOMATIC, Set.of("service.name", "host.name", "telemetry.distro.name", "custom.key"));
    resources.put(Mode.PROGRAMMATIC, Set.of("service.name", "host.name"));

    List<Row> rows = Comparison.rows(Lineup.MODES, Map.of(), resources);

    assertThat(rows).filteredOn(row -> row.section().equals(Comparison.RESOURCE))
        .extracting(Row::field, Row::verdict)
        .containsExactly(
            tuple("custom.key", Verdict.DIFFERENT),
            tuple("host.name", Verdict.SAME),
            tuple("service.name", Verdict.SAME),
            tuple("telemetry.distro.name", Verdict.EXPECTED));
  }

  private static Map<String, String> serverRequestSpan() {
    Map<String, String> span = new LinkedHashMap<>();
    span.put("name", "GET /server_request");
    span.put("kind", "SERVER");
    span.put("http.route", "/server_request");
    return span;
  }

  private static Map<Mode, Map<String, String>> allModes(Map<String, String> span) {
    Map<Mode, Map<String, String>> spans = new EnumMap<>(Mode.class);
    for (Mode mode : Mode.values()) {
      spans.put(mode, span);
    }
    return spans;
  }
}
