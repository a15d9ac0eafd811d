package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import static io.opentelemetry.example.autoinstrumentation.tooling.compare.TestTraces.pythonExample;
import static io.opentelemetry.example.autoinstrumentation.tooling.compare.TestTraces.span;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

  @Test
  void eachScenarioHasEveryModesTraceThenItsRows() {
    String html = HtmlReport.html(Lineup.MODES, rows(), traces());

    String example = section(html, Scenario.PYTHON_EXAMPLE.name());
    assertThat(example.split("<figure>", -1)).hasSize(4);
    assertThat(example).contains(">GET /server_request<").contains(">server-automatic · SERVER · child of GET in client<");
    assertThat(example.split("<tr class=", -1)).as("one row per field").hasSize(1 + 4);
    assertThat(section(html, Scenario.NOT_FOUND.name())).contains(">no span<");
    assertThat(section(html, Comparison.RESOURCE)).doesNotContain("<figure>").contains("<td>host.name</td>");
  }

  @Test
  void differencesAreHighlighted() {
    String example = section(HtmlReport.html(Lineup.MODES, rows(), traces()), Scenario.PYTHON_EXAMPLE.name());

    // manual's and programmatic's scope differ from the agent's, and not as KnownDifferences says: the cells, the
    // row's verdict, and the pictures
    assertThat(example).contains("<tr class=\"different\"><td>scope</td><td class=\"differs\">scope.manual</td>"
        + "<td>scope.agent</td><td class=\"differs\">scope.programmatic</td><td>DIFFERENT</td></tr>");
    assertThat(example).contains("<tr class=\"same\"><td>name</td><td>GET /server_request</td>");
    assertThat(example).contains(">≠ scope scope.agent<");
  }

  @Test
  void theFileStandsAlone() {
    String html = HtmlReport.html(Lineup.MODES, rows(), traces());

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">")
        .doesNotContain("<script", "<link", "<img", "@import", "url(", "src=");
  }

  private static String section(String html, String id) {
    int start = html.indexOf("<section id=\"" + id + "\">");
    assertThat(start).as("section %s", id).isNotNegative();
    return html.substring(start, html.indexOf("</section>", start));
  }

  private static List<Row> rows() {
    Map<String, Map<Mode, Map<String, String>>> spans = new LinkedHashMap<>();
    Map<Mode, Map<String, String>> example = new EnumMap<>(Mode.class);
    traces().get(Scenario.PYTHON_EXAMPLE).forEach((mode, trace) -> {
      Map<String, String> fields = Normalizer.fields(trace.get(2), trace.get(1).spanId());
      fields.keySet().retainAll(Set.of("name", "kind", "parent", "scope"));
      example.put(mode, fields);
    });
    spans.put(Scenario.PYTHON_EXAMPLE.name(), example);
    Map<Mode, Map<String, String>> notFound = new EnumMap<>(Mode.class);
    notFound.put(Mode.AUTOMATIC, Map.of("name", "GET"));
    notFound.put(Mode.PROGRAMMATIC, Map.of("name", "GET"));
    spans.put(Scenario.NOT_FOUND.name(), notFound);
    return Comparison.rows(Lineup.MODES, spans,
        Map.of(Mode.AUTOMATIC, Set.of("host.name"), Mode.MANUAL, Set.of(), Mode.PROGRAMMATIC, Set.of()));
  }

  private static Map<Scenario, Map<Mode, List<ExportedSpan>>> traces() {
    Map<Mode, List<ExportedSpan>> example = new EnumMap<>(Mode.class);
    example.put(Mode.MANUAL, pythonExample('a', "server-manual", "scope.manual", 0));
    example.put(Mode.AUTOMATIC, pythonExample('b', "server-automatic", "scope.agent", 4));
    example.put(Mode.PROGRAMMATIC, pythonExample('c', "server-programmatic", "scope.programmatic", 2));
    Map<Mode, List<ExportedSpan>> notFound = new EnumMap<>(Mode.class);
    notFound.put(Mode.AUTOMATIC, List.of(span("server-automatic", "scope.agent", "d".repeat(32), "d000000000000001", "",
        "GET", "SERVER", Map.of(), 0, 3)));
    notFound.put(Mode.PROGRAMMATIC, List.of(span("server-programmatic", "scope.programmatic", "e".repeat(32),
        "e000000000000001", "", "GET", "SERVER", Map.of(), 0, 2)));
    Map<Scenario, Map<Mode, List<ExportedSpan>>> traces = new EnumMap<>(Scenario.class);
    traces.put(Scenario.PYTHON_EXAMPLE, example);
    traces.put(Scenario.NOT_FOUND, notFound);
    return traces;
  }
}
