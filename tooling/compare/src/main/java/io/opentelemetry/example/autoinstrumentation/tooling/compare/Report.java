package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.opentelemetry.example.autoinstrumentation.tooling.compare.Row.Verdict;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.MarkdownTable;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Server;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The comparison as Markdown for the docs and as JSON for tools; {@link TerminalReport} and {@link HtmlReport} draw it for people. */
final class Report {

  static String markdown(Lineup lineup, List<Row> rows) {
    StringBuilder out = new StringBuilder();
    List<String> verdicts = verdicts(rows, "**DIFFERENT**");
    MarkdownTable table = null;
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      if (startsSection(rows, i)) {
        out.append(table == null ? "" : table.toString());
        out.append("\n#### ").append(heading(lineup, row.section())).append("\n\n");
        List<String> header = new ArrayList<>(List.of("field"));
        header.addAll(lineup.labels());
        header.add("verdict");
        table = new MarkdownTable(header.toArray(String[]::new));
      }
      List<String> cells = new ArrayList<>(List.of("`" + row.field() + "`"));
      lineup.servers().forEach(server -> cells.add(row.values().get(server)));
      cells.add(verdicts.get(i));
      table.row(cells.toArray(String[]::new));
    }
    out.append(table == null ? "" : table.toString());
    return out.append('\n').append(summary(rows)).append('\n').toString().stripLeading();
  }

  /** Each row's verdict as shown; a reason already given in the rows just above reads "as above". */
  static List<String> verdicts(List<Row> rows, String different) {
    List<String> verdicts = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      boolean repeated = !startsSection(rows, i) && row.reason().equals(rows.get(i - 1).reason());
      verdicts.add(switch (row.verdict()) {
        case SAME -> "same";
        case DIFFERENT -> different;
        case EXPECTED -> repeated ? "expected (as above)" : "expected: " + row.reason();
      });
    }
    return verdicts;
  }

  private static boolean startsSection(List<Row> rows, int i) {
    return i == 0 || !rows.get(i).section().equals(rows.get(i - 1).section());
  }

  static String json(List<Row> rows) throws IOException {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Row row : rows) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("section", row.section());
      entry.put("field", row.field());
      Map<String, String> values = new LinkedHashMap<>();
      row.values().forEach((server, value) -> values.put(server.label(), value));
      entry.put("values", values);
      entry.put("verdict", row.verdict().label);
      if (!row.reason().isEmpty()) {
        entry.put("reason", row.reason());
      }
      list.add(entry);
    }
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(Map.of("exitCode", Comparison.exitCode(rows), "rows", list));
  }

  static void write(Lineup lineup, List<Row> rows, Path directory) throws IOException {
    Files.createDirectories(directory);
    // On its own, the file leads with what a reader looks for first; the docs embed only the tables.
    Files.writeString(directory.resolve("compare.md"), "# make compare\n\n" + summary(rows)
        + " " + reference(lineup) + "; " + lineup.explainedIn() + " explains every expected difference.\n\n"
        + markdown(lineup, rows));
    Files.writeString(directory.resolve("compare.json"), json(rows));
  }

  /** Which column is the reference: "(the agent's spans, automatic, are the reference)". */
  static String reference(Lineup lineup) {
    return "(the agent's spans, " + lineup.reference().label() + ", are the reference)";
  }

  static String summary(List<Row> rows) {
    Map<Verdict, Long> counts = new LinkedHashMap<>();
    for (Verdict verdict : Verdict.values()) {
      counts.put(verdict, rows.stream().filter(row -> row.verdict() == verdict).count());
    }
    return counts.get(Verdict.SAME) + " same, " + counts.get(Verdict.EXPECTED) + " expected, "
        + counts.get(Verdict.DIFFERENT) + " DIFFERENT";
  }

  static String heading(Lineup lineup, String section) {
    if (section.equals(Comparison.RESOURCE)) {
      return "Resource attribute keys";
    } else if (section.equals(MetricRows.REQUEST_DURATION)) {
      return "Metric http.server.request.duration, over every request above";
    } else if (section.equals(MetricRows.RUNTIME)) {
      return "Runtime metrics (jvm.*) of the server";
    } else if (section.equals(LogRows.SECTION)) {
      return "Log correlation: the ids in the route's log line";
    }
    TreeSpan span = TreeSpan.ofSection(section);
    Scenario scenario = span == null ? Scenario.valueOf(section) : Scenario.REAL_HANDLER;
    String heading = scenario.description + " (" + scenario.pathAndQuery + ")";
    return span == null ? heading : heading + ": " + span.description(lineup);
  }

  private Report() {}
}
