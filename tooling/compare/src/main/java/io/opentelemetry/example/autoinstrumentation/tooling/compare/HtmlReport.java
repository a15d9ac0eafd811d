package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import static io.opentelemetry.example.autoinstrumentation.tooling.compare.Waterfall.escape;

import io.opentelemetry.example.autoinstrumentation.tooling.compare.Row.Verdict;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison as one HTML page to open in a browser: per scenario, each mode's trace as a waterfall, side by side,
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
      .traces { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; }
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

  static void write(List<Row> rows, Map<Scenario, Map<Mode, List<ExportedSpan>>> traces, Path directory)
      throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve(FILE), html(rows, traces));
  }

  /**
   * @param traces per scenario, per mode, every span of the trace that answered it, the client's included
   */
  static String html(List<Row> rows, Map<Scenario, Map<Mode, List<ExportedSpan>>> traces) {
    List<String> verdicts = Report.verdicts(rows, Verdict.DIFFERENT.label);
    Map<String, List<Integer>> sections = new LinkedHashMap<>(); // each section's rows, by index
    for (int i = 0; i < rows.size(); i++) {
      sections.computeIfAbsent(rows.get(i).section(), section -> new ArrayList<>()).add(i);
    }
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>make compare: the three modes' spans, metrics and logs</title>\n<style>\n").append(STYLE).append("</style>\n")
        .append("</head>\n<body>\n<header>\n<h1>make compare: the three modes' spans, metrics and logs</h1>\n<p>")
        .append(escape(Report.summary(rows))).append(". Each scenario shows every mode's trace of its request, then its ")
        .append("fields: a value that differs from the agent's (automatic) is highlighted, and so is every verdict ")
        .append("other than same.</p>\n<nav>");
    sections.keySet().forEach(section -> html.append("<a href=\"#").append(section).append("\">")
        .append(escape(Report.heading(section))).append("</a>"));
    html.append("</nav>\n</header>\n");
    sections.forEach((section, indices) -> {
      html.append("<section id=\"").append(section).append("\">\n<h2>").append(escape(Report.heading(section)))
          .append("</h2>\n<div class=\"body\">\n");
      Scenario scenario = scenario(section);
      if (scenario != null) {
        html.append(pictures(traces.getOrDefault(scenario, Map.of())));
      }
      html.append(table(rows, verdicts, indices)).append("</div>\n</section>\n");
    });
    return html.append("</body>\n</html>\n").toString();
  }

  private static String pictures(Map<Mode, List<ExportedSpan>> byMode) {
    Map<Mode, List<ExportedSpan>> traces = new EnumMap<>(Mode.class);
    for (Mode mode : Mode.values()) {
      traces.put(mode, byMode.getOrDefault(mode, List.of()));
    }
    Map<Mode, Map<String, Map<String, String>>> marks = TraceDifferences.marks(traces);
    StringBuilder html = new StringBuilder("<div class=\"traces\">\n");
    traces.forEach((mode, trace) -> html.append("<figure>\n")
        .append(Waterfall.svg(mode.label(), trace, marks.get(mode), PICTURE_WIDTH)).append("</figure>\n"));
    return html.append("</div>\n").toString();
  }

  private static String table(List<Row> rows, List<String> verdicts, List<Integer> indices) {
    StringBuilder html = new StringBuilder("<table>\n<thead><tr><th style=\"width: 19%\">field</th>");
    for (Mode mode : Mode.values()) {
      html.append("<th>").append(mode.label()).append("</th>");
    }
    html.append("<th style=\"width: 27%\">verdict</th></tr></thead>\n<tbody>\n");
    for (int i : indices) {
      Row row = rows.get(i);
      String reference = row.values().get(Mode.AUTOMATIC); // the agent is the oracle
      html.append("<tr class=\"").append(row.verdict().name().toLowerCase()).append("\"><td>")
          .append(escape(row.field())).append("</td>");
      for (Mode mode : Mode.values()) {
        String value = String.valueOf(row.values().get(mode));
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
