package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import static io.opentelemetry.example.autoinstrumentation.tooling.compare.Waterfall.escape;

import io.opentelemetry.example.autoinstrumentation.tooling.compare.Row.Verdict;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Server;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison as one HTML page to open in a browser: per scenario, each server's trace as a waterfall, side by side,
 * then the scenario's rows, with the rows that are not the same and the values that differ from the agent's
 * highlighted. Styles and pictures are inline and there are no scripts, so the file alone is the report.
 */
final class HtmlReport {

  static final String FILE = "compare.html";
  private static final int PICTURE_WIDTH = 460;

  private static final String STYLE = """
      body { margin: 0; font: 14px/1.4 sans-serif; color: #1f2328; }
      header, .body { padding: 0 16px; }
      h1 { font-size: 20px; margin: 16px 0 4px; }
      nav a { margin-right: 12px; }
      h2 { margin: 24px 0 8px; padding: 6px 16px; font-size: 16px; color: white; background: #24292f; }
      .traces { display: grid; grid-template-columns: repeat(COLUMNS, 1fr); gap: 12px; }
      figure { margin: 0; border: 1px solid #d0d7de; }
      figure svg { display: block; width: 100%; height: auto; }
      table { width: 100%; border-collapse: collapse; table-layout: fixed; margin-top: 12px; }
      th, td { border: 1px solid #d0d7de; padding: 1px 6px; text-align: left; vertical-align: top;
        overflow-wrap: anywhere; font-size: 12px; line-height: 1.35; }
      th { background: #f6f8fa; }
      td:first-child { font-family: monospace; }
      tr.expected td:last-child { background: #fff4e5; }
      tr.different td:last-child { background: #ffd7d5; font-weight: bold; }
      td.differs { background: #fde2c4; }
      """;

  static void write(Lineup lineup, List<Row> rows, Map<Scenario, ? extends Map<? extends Server, List<ExportedSpan>>> traces,
      Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve(FILE), html(lineup, rows, traces));
  }

  /**
   * @param traces per scenario, per server, every span of the trace that answered it, the client's included
   */
  static String html(Lineup lineup, List<Row> rows,
      Map<Scenario, ? extends Map<? extends Server, List<ExportedSpan>>> traces) {
    String title = "make compare: " + lineup.what() + "' spans, metrics and logs";
    List<String> verdicts = Report.verdicts(rows, Verdict.DIFFERENT.label);
    Map<String, List<Integer>> sections = new LinkedHashMap<>(); // each section's rows, by index
    for (int i = 0; i < rows.size(); i++) {
      sections.computeIfAbsent(rows.get(i).section(), section -> new ArrayList<>()).add(i);
    }
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>").append(escape(title)).append("</title>\n<style>\n")
        .append(STYLE.replace("COLUMNS", String.valueOf(lineup.servers().size()))).append("</style>\n")
        .append("</head>\n<body>\n<header>\n<h1>").append(escape(title)).append("</h1>\n<p>")
        .append(escape(Report.summary(rows))).append(". Each scenario shows every ").append(lineup.kind())
        .append("'s trace of its request, then its fields: a value that differs from the agent's (")
        .append(lineup.reference().label()).append(") is highlighted, and so is every verdict other than same.</p>\n<nav>");
    sections.keySet().forEach(section -> html.append("<a href=\"#").append(section).append("\">")
        .append(escape(Report.heading(lineup, section))).append("</a>"));
    html.append("</nav>\n</header>\n");
    sections.forEach((section, indices) -> {
      html.append("<section id=\"").append(section).append("\">\n<h2>").append(escape(Report.heading(lineup, section)))
          .append("</h2>\n<div class=\"body\">\n");
      Scenario scenario = scenario(section);
      if (scenario != null) {
        html.append(pictures(lineup, traces.containsKey(scenario) ? traces.get(scenario) : Map.of()));
      }
      html.append(table(lineup, rows, verdicts, indices)).append("</div>\n</section>\n");
    });
    return html.append("</body>\n</html>\n").toString();
  }

  private static String pictures(Lineup lineup, Map<? extends Server, List<ExportedSpan>> byServer) {
    Map<Server, List<ExportedSpan>> traces = new LinkedHashMap<>();
    for (Server server : lineup.servers()) {
      traces.put(server, byServer.containsKey(server) ? byServer.get(server) : List.of());
    }
    Map<Server, Map<String, Map<String, String>>> marks = TraceDifferences.marks(traces);
    StringBuilder html = new StringBuilder("<div class=\"traces\">\n");
    traces.forEach((server, trace) -> html.append("<figure>\n")
        .append(Waterfall.svg(server.label(), trace, marks.get(server), PICTURE_WIDTH)).append("</figure>\n"));
    return html.append("</div>\n").toString();
  }

  private static String table(Lineup lineup, List<Row> rows, List<String> verdicts, List<Integer> indices) {
    StringBuilder html = new StringBuilder("<table>\n<thead><tr><th style=\"width: 19%\">field</th>");
    for (Server server : lineup.servers()) {
      html.append("<th>").append(server.label()).append("</th>");
    }
    html.append("<th style=\"width: 27%\">verdict</th></tr></thead>\n<tbody>\n");
    for (int i : indices) {
      Row row = rows.get(i);
      String reference = row.values().get(lineup.reference()); // the agent is the oracle
      html.append("<tr class=\"").append(row.verdict().name().toLowerCase()).append("\"><td>")
          .append(escape(row.field())).append("</td>");
      for (Server server : lineup.servers()) {
        String value = String.valueOf(row.values().get(server));
        html.append(value.equals(String.valueOf(reference)) ? "<td>" : "<td class=\"differs\">").append(escape(value))
            .append("</td>");
      }
      html.append("<td>").append(escape(verdicts.get(i))).append("</td></tr>\n");
    }
    return html.append("</tbody>\n</table>\n").toString();
  }

  /** The scenario whose trace the section shows above its rows: a trace of many spans once, above its first span. */
  private static Scenario scenario(String section) {
    TreeSpan span = TreeSpan.ofSection(section);
    if (span != null) {
      return span == TreeSpan.HANDLER ? Scenario.REAL_HANDLER : null;
    }
    for (Scenario scenario : Scenario.values()) {
      if (scenario.name().equals(section)) {
        return scenario;
      }
    }
    return null;
  }

  private HtmlReport() {}
}
