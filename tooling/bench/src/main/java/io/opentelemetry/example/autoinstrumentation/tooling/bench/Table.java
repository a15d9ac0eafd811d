package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of the report. A cell holds one or two lines: a figure with its spread, and under it the same figure as a
 * ratio; the console puts them side by side, Markdown one above the other.
 */
final class Table {

  final String title;
  final List<String> headers;
  final List<List<List<String>>> rows = new ArrayList<>();

  Table(String title, List<String> headers) {
    this.title = title;
    this.headers = headers;
  }

  /** Adds a row; each cell is a list of its lines. */
  Table row(List<List<String>> cells) {
    rows.add(cells);
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  String console() {
    List<List<String>> lines = new ArrayList<>();
    lines.add(headers);
    for (List<List<String>> row : rows) {
      lines.add(row.stream().map(cell -> String.join("  ", cell)).toList());
    }
    int[] widths = new int[headers.size()];
    lines.forEach(line -> {
      for (int i = 0; i < line.size(); i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    });
    StringBuilder out = new StringBuilder(title).append('\n');
    for (List<String> line : lines) {
      for (int i = 0; i < line.size(); i++) {
        out.append(String.format("%-" + (widths[i] + 2) + "s", line.get(i)));
      }
      out.append('\n');
    }
    return out.toString();
  }

  String markdown() {
    StringBuilder out = new StringBuilder("| ").append(String.join(" | ", headers)).append(" |\n|");
    out.append(" --- |".repeat(headers.size())).append('\n');
    for (List<List<String>> row : rows) {
      out.append("| ").append(String.join(" | ", row.stream().map(cell -> String.join("<br>", cell)).toList()))
          .append(" |\n");
    }
    return out.toString();
  }
}
