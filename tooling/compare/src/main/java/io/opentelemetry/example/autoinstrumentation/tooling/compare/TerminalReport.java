package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import io.opentelemetry.example.autoinstrumentation.tooling.compare.Row.Verdict;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The comparison as a person reads it in a terminal, in at most {@link #WIDTH} columns and with no value cut: the
 * summary first, then every DIFFERENT row in full, then the expected differences grouped by their reason, and the rows
 * that are the same in every mode last, by name only. compare.md and compare.html have every row as a table.
 */
final class TerminalReport {

  static final int WIDTH = 120;
  private static final String SERVER_COLUMN = "%-14s";

  static String render(Lineup lineup, List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append("\n").append(Report.summary(rows)).append(' ').append(Report.reference(lineup)).append('\n');

    List<Row> different = rows.stream().filter(row -> row.verdict() == Verdict.DIFFERENT).toList();
    out.append("\nDIFFERENT: ").append(different.isEmpty() ? "none" : different.size() + " rows").append('\n');
    String section = null;
    for (Row row : different) {
      if (!row.section().equals(section)) {
        section = row.section();
        wrap(out, "  ", Report.heading(lineup, section));
      }
      out.append("    ").append(row.field()).append('\n');
      values(out, "      ", lineup, row.values());
    }

    List<Row> expected = rows.stream().filter(row -> row.verdict() == Verdict.EXPECTED).toList();
    out.append("\nExpected, by design: ").append(expected.size()).append(" rows; ").append(lineup.explainedIn())
        .append(" explains each\n");
    Map<String, List<Row>> byReason = new LinkedHashMap<>();
    expected.forEach(row -> byReason.computeIfAbsent(firstReason(row), reason -> new ArrayList<>()).add(row));
    byReason.forEach((reason, group) -> {
      wrap(out, "  ", "- " + reason);
      expectedGroup(out, lineup, group);
    });

    out.append("\nSame in every ").append(lineup.kind()).append(": ").append(rows.stream().filter(row -> row.verdict() == Verdict.SAME).count())
        .append(" rows\n");
    Map<String, List<String>> same = new LinkedHashMap<>();
    rows.stream().filter(row -> row.verdict() == Verdict.SAME)
        .forEach(row -> same.computeIfAbsent(row.section(), key -> new ArrayList<>()).add(row.field()));
    same.forEach((sameSection, fields) ->
        wrap(out, "    ", shortName(lineup, sameSection) + ": " + String.join(", ", fields)));
    return out.toString();
  }

  /**
   * The rows of one reason: those where a server made no span or no metric, by section, in one line; the others once
   * per field and values, with every section where they occur.
   */
  private static void expectedGroup(StringBuilder out, Lineup lineup, List<Row> group) {
    Map<String, List<String>> absent = new LinkedHashMap<>(); // section -> "no span from manual"
    Map<String, Integer> absentRows = new LinkedHashMap<>();
    Map<List<Object>, List<String>> sections = new LinkedHashMap<>(); // (field, values) -> sections
    for (Row row : group) {
      Map<String, List<String>> missing = new LinkedHashMap<>(); // "no span" -> the servers that made none
      row.values().forEach((server, value) -> {
        if (Comparison.isAbsent(value)) {
          missing.computeIfAbsent(value.replaceAll("[()]", ""), key -> new ArrayList<>()).add(server.label());
        }
      });
      if (!missing.isEmpty()) {
        absent.putIfAbsent(row.section(), missing.entrySet().stream()
            .map(entry -> entry.getKey() + " from " + String.join(", ", entry.getValue())).toList());
        absentRows.merge(row.section(), 1, Integer::sum);
      } else {
        sections.computeIfAbsent(List.of(row.field(), row.values()), key -> new ArrayList<>()).add(row.section());
      }
    }
    absent.forEach((section, what) -> wrap(out, "    ", shortName(lineup, section) + ": " + String.join("; ", what)
        + (absentRows.get(section) > 1 ? " (" + absentRows.get(section) + " rows)" : "")));
    sections.forEach((key, where) -> {
      out.append("    ").append(key.get(0)).append('\n');
      @SuppressWarnings("unchecked")
      Map<Server, String> values = (Map<Server, String>) key.get(1);
      values(out, "      ", lineup, values);
      wrap(out, "      ", "in " + String.join(", ", where.stream().map(section -> shortName(lineup, section)).toList()));
    });
  }

  /** One line per server, the value whole, wrapped under itself when it is long. */
  private static void values(StringBuilder out, String indent, Lineup lineup, Map<Server, String> values) {
    for (Server server : lineup.servers()) {
      String label = String.format(SERVER_COLUMN, server.label());
      String value = Objects.toString(values.get(server));
      int room = WIDTH - indent.length() - label.length();
      for (int start = 0; start < value.length() || start == 0; start += room) {
        out.append(indent).append(start == 0 ? label : " ".repeat(label.length()))
            .append(value, start, Math.min(value.length(), start + room)).append('\n');
      }
    }
  }

  /**
   * {@code text} in lines of at most {@link #WIDTH} columns after {@code indent}, broken at spaces, continued two
   * columns further in; a word longer than a line goes on over the next ones, whole.
   */
  static void wrap(StringBuilder out, String indent, String text) {
    String prefix = indent;
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && prefix.length() + line.length() + 1 + word.length() > WIDTH) {
        out.append(prefix).append(line).append('\n');
        line.setLength(0);
        prefix = indent + "  ";
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
      while (prefix.length() + line.length() > WIDTH) {
        int room = WIDTH - prefix.length();
        out.append(prefix).append(line, 0, room).append('\n');
        line.delete(0, room);
        prefix = indent + "  ";
      }
    }
    out.append(prefix).append(line).append('\n');
  }

  /** The reason a row is expected; a row that two entries explain is listed under the first. */
  private static String firstReason(Row row) {
    int and = row.reason().indexOf("; and ");
    return and < 0 ? row.reason() : row.reason().substring(0, and);
  }

  /** A request's section as the path it requested (and for a trace of many spans, which span); others by heading. */
  static String shortName(Lineup lineup, String section) {
    TreeSpan span = TreeSpan.ofSection(section);
    if (span != null) {
      return Scenario.REAL_HANDLER.label() + " " + span.description(lineup);
    }
    for (Scenario scenario : Scenario.values()) {
      if (scenario.name().equals(section)) {
        return scenario.label();
      }
    }
    return section.equals(Comparison.RESOURCE) ? "resource" : Report.heading(lineup, section);
  }

  private TerminalReport() {}
}
