package io.opentelemetry.example.autoinstrumentation.tooling.docsgenerator;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each server's spans for one request as a tree, one line per span: name, kind, instrumentation scope, and the
 * attributes the application set itself ({@code app.*}). Children are indented under their parent.
 */
final class SpanTrees {

  static String render(Map<String, List<ExportedSpan>> spansByServer) {
    int width = spansByServer.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
    StringBuilder out = new StringBuilder("```text\n");
    spansByServer.forEach((server, spans) -> {
      Set<String> ids = spans.stream().map(ExportedSpan::spanId).collect(Collectors.toSet());
      List<ExportedSpan> roots = spans.stream().filter(span -> !ids.contains(span.parentSpanId()))
          .sorted(Comparator.comparing(ExportedSpan::name)).toList();
      String label = server;
      for (ExportedSpan root : roots) {
        append(out, label, width, root, 0, spans);
        label = "";
      }
    });
    return out.append("```\n").toString();
  }

  private static void append(StringBuilder out, String label, int width, ExportedSpan span, int depth,
      List<ExportedSpan> spans) {
    out.append(String.format("%-" + width + "s", label))
        .append(depth == 0 ? "" : "   ".repeat(depth - 1) + "└─ ")
        .append(span.name()).append("  ").append(span.kind()).append("  ").append(span.scope());
    span.attributes().keySet().stream().filter(key -> key.startsWith("app.")).sorted()
        .forEach(key -> out.append("  ").append(key).append('=').append(span.attribute(key)));
    out.append('\n');
    spans.stream().filter(child -> span.spanId().equals(child.parentSpanId()))
        .sorted(Comparator.comparing(ExportedSpan::name))
        .forEach(child -> append(out, "", width, child, depth + 1, spans));
  }

  private SpanTrees() {}
}
