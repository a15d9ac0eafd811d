package io.opentelemetry.example.autoinstrumentation.tooling.harness;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table as the docs show them: a header row, then a row a line, a cell's pipes escaped. */
public final class MarkdownTable {

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  public MarkdownTable(String... headers) {
    this.headers = List.of(headers);
  }

  /** Adds a row of as many cells as there are headers. */
  public MarkdownTable row(List<String> cells) {
    if (cells.size() != headers.size()) {
      throw new IllegalArgumentException(cells.size() + " cells for " + headers.size() + " columns: " + cells);
    }
    rows.add(List.copyOf(cells));
    return this;
  }

  public MarkdownTable row(String... cells) {
    return row(List.of(cells));
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    line(out, headers);
    line(out, headers.stream().map(header -> "---").toList());
    rows.forEach(row -> line(out, row.stream().map(MarkdownTable::cell).toList()));
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells) {
    out.append('|');
    cells.forEach(cell -> out.append(cell.isEmpty() ? " " : " " + cell + " ").append('|'));
    out.append('\n');
  }

  /** One cell: a pipe would end it, a line break the row. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
