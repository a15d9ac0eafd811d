package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import static io.opentelemetry.example.autoinstrumentation.tooling.compare.TestTraces.pythonExample;
import static io.opentelemetry.example.autoinstrumentation.tooling.compare.TestTraces.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.opentelemetry.example.autoinstrumentation.tooling.compare.TraceDifferences.Difference;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceDifferencesTest {

  @Test
  void spansPairByTheirPlaceInTheTreeAndOnlyTheFieldsThatDifferAreMarked() {
    Map<Mode, List<ExportedSpan>> traces = new EnumMap<>(Mode.class);
    traces.put(Mode.MANUAL, pythonExample('a', "server-manual", "scope.manual", 0));
    traces.put(Mode.AUTOMATIC, pythonExample('b', "server-automatic", "scope.agent", 7)); // other ids, times, ports
    traces.put(Mode.PROGRAMMATIC, pythonExample('c', "server-programmatic", "scope.manual", 3));

    Map<Mode, Map<String, Map<String, String>>> marks = TraceDifferences.marks(traces);

    assertThat(marks.get(Mode.MANUAL)).containsOnlyKeys("a000000000000003");
    assertThat(marks.get(Mode.MANUAL).get("a000000000000003")).containsExactly(Map.entry("scope", "scope.manual"));
    assertThat(marks.get(Mode.AUTOMATIC).get("b000000000000003")).containsExactly(Map.entry("scope", "scope.agent"));
    assertThat(marks.get(Mode.PROGRAMMATIC).get("c000000000000003")).containsExactly(Map.entry("scope", "scope.manual"));
  }

  @Test
  void aSpanThatNotEveryTraceHasIsMarked() {
    ExportedSpan notFound = span("server-automatic", "s", "d".repeat(32), "d000000000000001", "", "GET", "SERVER",
        Map.of(), 0, 2);
    Map<Mode, List<ExportedSpan>> traces = new EnumMap<>(Mode.class);
    traces.put(Mode.MANUAL, List.of());
    traces.put(Mode.AUTOMATIC, List.of(notFound));

    assertThat(TraceDifferences.marks(traces).get(Mode.AUTOMATIC).get("d000000000000001"))
        .containsEntry(TraceDifferences.SPAN, "not in every trace");
    assertThat(TraceDifferences.marks(traces).get(Mode.MANUAL)).isEmpty();
  }

  @Test
  void againstNamesEachDifferingFieldWithBothValues() {
    List<Difference> differences = TraceDifferences.against(
        pythonExample('a', "server-manual", "scope.manual", 0), pythonExample('b', "server-automatic", "scope.agent", 5));

    assertThat(differences).extracting(d -> d.span().name(), Difference::field, Difference::value, Difference::reference)
        .containsExactly(tuple("GET /server_request", "scope", "scope.agent", "scope.manual"));
    assertThat(TraceDifferences.against(pythonExample('a', "m", "s", 0), List.of()))
        .extracting(Difference::field, Difference::value).containsOnly(tuple(TraceDifferences.SPAN, null));
  }

  @Test
  void parentsComeBeforeTheirChildrenAndSiblingsInOrderOfStart() {
    String trace = "e".repeat(32);
    List<ExportedSpan> spans = List.of(
        span("s", "x", trace, "0000000000000004", "0000000000000001", "late child", "INTERNAL", Map.of(), 20, 30),
        span("s", "x", trace, "0000000000000003", "0000000000000002", "grandchild", "INTERNAL", Map.of(), 6, 8),
        span("s", "x", trace, "0000000000000002", "0000000000000001", "early child", "INTERNAL", Map.of(), 5, 10),
        span("s", "x", trace, "0000000000000001", "ffffffffffffffff", "root", "SERVER", Map.of(), 0, 40));

    assertThat(TraceDifferences.depthFirst(spans)).extracting(ExportedSpan::name)
        .containsExactly("root", "early child", "grandchild", "late child");
  }
}
