package io.opentelemetry.example.autoinstrumentation.tooling.docsgenerator;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Placeholders;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Spans drawn as the trees their parent ids make, one line a span: name, kind, instrumentation scope and the thread
 * that started it. Siblings are in name order, not start order, so that a drawing changes only when behaviour does.
 */
final class TraceTrees {

  static String draw(List<ExportedSpan> spans) {
    Set<String> ids = spans.stream().map(ExportedSpan::spanId).collect(Collectors.toSet());
    List<String[]> rows = new ArrayList<>();
    for (ExportedSpan root : children(spans, span -> !span.hasParent() || !ids.contains(span.parentSpanId()))) {
      add(rows, spans, root, "", "");
    }
    int width = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0);
    int kindWidth = rows.stream().mapToInt(row -> row[1].length()).max().orElse(0);
    int scopeWidth = rows.stream().mapToInt(row -> row[2].length()).max().orElse(0);
    StringBuilder out = new StringBuilder("```text\n");
    for (String[] row : rows) {
      out.append(String.format("%-" + width + "s  %-" + kindWidth + "s  %-" + scopeWidth + "s  %s", (Object[]) row)
          .stripTrailing()).append('\n');
    }
    return out.append("```\n").toString();
  }

  /** {@code span} and, below it, its children; {@code lead} draws the branch to it, {@code indent} those below it. */
  private static void add(
      List<String[]> rows, List<ExportedSpan> spans, ExportedSpan span, String lead, String indent) {
    String scope = span.scopeVersion().isEmpty() ? span.scope() : span.scope() + " " + span.scopeVersion();
    Object thread = span.attribute("thread.name");
    rows.add(new String[] {lead + span.name(), span.kind(), scope,
        thread == null ? "" : String.valueOf(Placeholders.replace("thread.name", thread))});
    List<ExportedSpan> children = children(spans, child -> span.spanId().equals(child.parentSpanId()));
    for (int i = 0; i < children.size(); i++) {
      boolean last = i == children.size() - 1;
      add(rows, spans, children.get(i), indent + (last ? "└── " : "├── "), indent + (last ? "    " : "│   "));
    }
  }

  private static List<ExportedSpan> children(List<ExportedSpan> spans, Predicate<ExportedSpan> test) {
    return spans.stream().filter(test)
        .sorted(Comparator.comparing(ExportedSpan::name).thenComparing(ExportedSpan::kind)).toList();
  }

  private TraceTrees() {}
}
