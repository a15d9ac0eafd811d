package io.opentelemetry.example.autoinstrumentation.tooling.docsgenerator;

import static io.opentelemetry.semconv.incubating.ThreadIncubatingAttributes.THREAD_NAME;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Placeholders;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Spans drawn as the trees their parent ids make, one line a span: name, kind, instrumentation scope and one detail.
 * Siblings are in name order, not start order, so that a drawing changes only when behaviour does.
 */
final class TraceTrees {

  /** One trace, each span with the thread that started it. */
  static String draw(List<ExportedSpan> spans) {
    return draw(Map.of("", spans), TraceTrees::thread);
  }

  /** Several servers' spans, each server's trees under its label, each span with {@code detail}. */
  static String draw(Map<String, List<ExportedSpan>> spansByLabel, Function<ExportedSpan, String> detail) {
    List<String[]> rows = new ArrayList<>();
    spansByLabel.forEach((label, spans) -> {
      Set<String> ids = spans.stream().map(ExportedSpan::spanId).collect(Collectors.toSet());
      String first = label;
      for (ExportedSpan root : children(spans, span -> !span.hasParent() || !ids.contains(span.parentSpanId()))) {
        add(rows, first, spans, root, "", "", detail);
        first = "";
      }
    });
    int[] widths = new int[4];
    rows.forEach(row -> {
      for (int column = 0; column < widths.length; column++) {
        widths[column] = Math.max(widths[column], row[column].length());
      }
    });
    StringBuilder out = new StringBuilder("```text\n");
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int column = 0; column < row.length; column++) {
        if (column < widths.length && widths[column] == 0) {
          continue; // a column no row fills, such as the label of a single trace
        }
        line.append(line.length() == 0 ? "" : "  ")
            .append(column < widths.length ? String.format("%-" + widths[column] + "s", row[column]) : row[column]);
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.append("```\n").toString();
  }

  /** The attributes the application set itself ({@code app.*}). */
  static String appAttributes(ExportedSpan span) {
    return span.attributes().keySet().stream().filter(key -> key.startsWith("app.")).sorted()
        .map(key -> key + "=" + span.attribute(key)).collect(Collectors.joining("  "));
  }

  private static String thread(ExportedSpan span) {
    Object thread = span.attribute(THREAD_NAME);
    return thread == null ? "" : String.valueOf(Placeholders.replace(THREAD_NAME.getKey(), thread));
  }

  /** {@code span} and, below it, its children; {@code lead} draws the branch to it, {@code indent} those below it. */
  private static void add(List<String[]> rows, String label, List<ExportedSpan> spans, ExportedSpan span, String lead,
      String indent, Function<ExportedSpan, String> detail) {
    String scope = span.scopeVersion().isEmpty() ? span.scope() : span.scope() + " " + span.scopeVersion();
    rows.add(new String[] {label, lead + span.name(), span.kind(), scope, detail.apply(span)});
    List<ExportedSpan> children = children(spans, child -> span.spanId().equals(child.parentSpanId()));
    for (int i = 0; i < children.size(); i++) {
      boolean last = i == children.size() - 1;
      add(rows, "", spans, children.get(i), indent + (last ? "└── " : "├── "), indent + (last ? "    " : "│   "),
          detail);
    }
  }

  private static List<ExportedSpan> children(List<ExportedSpan> spans, Predicate<ExportedSpan> test) {
    return spans.stream().filter(test)
        .sorted(Comparator.comparing(ExportedSpan::name).thenComparing(ExportedSpan::kind)).toList();
  }

  private TraceTrees() {}
}
