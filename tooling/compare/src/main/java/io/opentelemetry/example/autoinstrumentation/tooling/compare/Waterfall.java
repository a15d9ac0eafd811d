package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A trace as an SVG waterfall: one row per span, parents above their children and joined to them by a line, each with
 * its name, duration, service, kind and parent, a bar placed on the trace's time line, and the fields marked that
 * differ from the other modes' traces.
 *
 * <p>The bars and durations are what a run measured, so they change on every run while nothing else does. Each is
 * written as one line of its own that starts with {@code <rect class="measured"} or {@code <text class="measured"}, and
 * {@link #withoutMeasurements} blanks exactly those lines: a drift check compares pictures without them, so a picture
 * counts as changed only when the trace's shape, names or marked fields do, and keeps the times of the run that drew
 * it until then. Nothing else in the picture depends on the times but the order of sibling spans, which follows their
 * start.
 */
public final class Waterfall {

  private static final Pattern MEASURED = Pattern.compile("(?m)^<(rect|text) class=\"measured\".*$");
  private static final String[] COLOURS = {"#4e79a7", "#59a14f", "#f28e2b", "#b07aa1", "#76b7b2", "#9c755f"};
  private static final String MARK_FILL = "#fde2c4";
  private static final String MARK_TEXT = "#a0440a";
  private static final int MARGIN = 10;
  private static final int INDENT = 16;
  private static final int HEADER = 30;
  private static final int LINE = 14;
  private static final int GAP = 12;
  private static final double MONO_CHAR = 6.6; // 11 px monospace
  private static final double SMALL_CHAR = 6.0; // 11 px sans-serif, about
  private static final double SANS_CHAR = 7.0; // 12 px sans-serif, bold, about

  /**
   * @param title the first line, such as the mode
   * @param trace the spans of one trace, in any order; none gives a picture that says so
   * @param marks per span id, the fields to mark and this span's values (see {@link TraceDifferences#marks})
   * @param width the picture's width in pixels; it scales, as it has a view box
   */
  public static String svg(String title, List<ExportedSpan> trace, Map<String, Map<String, String>> marks, int width) {
    List<ExportedSpan> spans = TraceDifferences.depthFirst(trace);
    StringBuilder body = new StringBuilder();
    body.append(text(MARGIN, 20, "font-weight=\"bold\" font-size=\"13\"", clip(title, (width - 120) / SANS_CHAR)));
    int y = HEADER;
    if (spans.isEmpty()) {
      body.append(text(MARGIN, y + 16, "fill=\"#666\"", "no span"));
      return wrap(body, width, y + 30);
    }
    long start = spans.stream().mapToLong(ExportedSpan::startEpochNanos).min().orElse(0);
    long end = spans.stream().mapToLong(ExportedSpan::endEpochNanos).max().orElse(0);
    body.append(measured("text", String.format(Locale.ROOT, "x=\"%d\" y=\"20\" text-anchor=\"end\" fill=\"#666\"",
        width - MARGIN), "trace: " + millis(end - start)));
    Map<String, ExportedSpan> byId = new HashMap<>();
    spans.forEach(span -> byId.put(span.spanId(), span));
    Map<String, Integer> depths = new HashMap<>();
    spans.forEach(span -> depths.put(span.spanId(),
        byId.containsKey(span.parentSpanId()) ? depths.get(span.parentSpanId()) + 1 : 0));
    // names indent by depth; bars, details and marks start right of the deepest name's indent, where no link runs
    int left = MARGIN + INDENT * depths.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    double room = width - left - MARGIN;
    Map<String, String> colours = new LinkedHashMap<>();
    Map<String, Integer> rows = new HashMap<>();
    for (ExportedSpan span : spans) {
      ExportedSpan parent = byId.get(span.parentSpanId());
      int x = MARGIN + depths.get(span.spanId()) * INDENT;
      rows.put(span.spanId(), y);
      if (parent != null) { // the parent link: from under the parent's name down to this one's
        body.append(String.format(Locale.ROOT, "<path d=\"M%d %d V%d H%d\" fill=\"none\" stroke=\"#999\"/>%n",
            x - INDENT + 4, rows.get(parent.spanId()) + 18, y + 10, x - 2));
      }
      String colour = colours.computeIfAbsent(span.service(), service -> COLOURS[colours.size() % COLOURS.length]);
      body.append(text(x, y + 14, "font-weight=\"bold\"", clip(span.name(), (width - x - 80) / SANS_CHAR)));
      body.append(measured("text", String.format(Locale.ROOT, "x=\"%d\" y=\"%d\" text-anchor=\"end\"",
          width - MARGIN, y + 14), millis(span.durationNanos())));
      body.append(measured("rect", bar(span, start, end, left, width - MARGIN, y + 20, colour), null));
      y += 30;
      for (String line : lines(details(span, parent), room / SMALL_CHAR)) {
        y += LINE;
        body.append(text(left, y, "fill=\"#444\" font-size=\"11\"", line));
      }
      for (Map.Entry<String, String> mark : marks.getOrDefault(span.spanId(), Map.of()).entrySet()) {
        y += LINE + 2;
        String clipped = clip("≠ " + mark.getKey() + " " + mark.getValue(), (room - 6) / MONO_CHAR);
        body.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"%s\"/>%n",
            left, y - 11, clipped.length() * MONO_CHAR + 6, MARK_FILL));
        body.append(text(left + 3, y, "font-family=\"monospace\" font-size=\"11\" fill=\"" + MARK_TEXT + "\"", clipped));
      }
      y += GAP;
    }
    y += LINE; // the legend: each service's colour, and what a mark means
    int x = MARGIN;
    for (Map.Entry<String, String> service : colours.entrySet()) {
      body.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>%n",
          x, y - 9, service.getValue()));
      body.append(text(x + 14, y, "font-size=\"11\"", service.getKey()));
      x += 14 + (int) (service.getKey().length() * SMALL_CHAR) + 14;
    }
    if (spans.stream().anyMatch(span -> marks.containsKey(span.spanId()))) {
      y += LINE + 2;
      body.append(text(MARGIN, y, "font-size=\"11\" fill=\"" + MARK_TEXT + "\"",
          "≠ differs from another mode's trace of the same request"));
    }
    return wrap(body, width, y + MARGIN);
  }

  private static String wrap(StringBuilder body, int width, int height) {
    return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n"
        + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", width, height, width, height)
        + body + "</svg>\n";
  }

  /** {@code parts} joined by " · ", on as many lines of at most {@code characters} as they need. */
  private static List<String> lines(List<String> parts, double characters) {
    List<String> lines = new ArrayList<>();
    String line = "";
    for (String part : parts) {
      String longer = line.isEmpty() ? part : line + " · " + part;
      if (longer.length() <= characters || line.isEmpty()) {
        line = longer;
      } else {
        lines.add(line);
        line = part;
      }
    }
    lines.add(line);
    return lines.stream().map(each -> clip(each, characters)).toList();
  }

  /** {@code text} with every measured line blanked: what a drift check compares. */
  public static String withoutMeasurements(String text) {
    return MEASURED.matcher(text).replaceAll("<$1 class=\"measured\"/>");
  }

  /** Service, kind, the parent, and the status and events when there are any. */
  private static List<String> details(ExportedSpan span, ExportedSpan parent) {
    List<String> parts = new ArrayList<>(List.of(span.service(), span.kind()));
    if (parent != null) {
      parts.add("child of " + parent.name() + (parent.service().equals(span.service()) ? "" : " in " + parent.service()));
    } else {
      parts.add(span.hasParent() ? "child of a span exported elsewhere" : "root of the trace");
    }
    if (!span.status().equals("UNSET")) {
      parts.add("status " + span.status());
    }
    if (!span.events().isEmpty()) {
      parts.add("events: " + String.join(", ", span.events()));
    }
    return parts;
  }

  private static String bar(ExportedSpan span, long start, long end, int left, int right, int y, String colour) {
    double scale = end > start ? (double) (right - left) / (end - start) : 0;
    double x = left + (span.startEpochNanos() - start) * scale;
    double width = scale == 0 ? right - left : Math.max(1, span.durationNanos() * scale);
    return String.format(Locale.ROOT, "x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"10\" rx=\"2\" fill=\"%s\"",
        x, y, width, colour);
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }

  private static String measured(String element, String attributes, String content) {
    String end = content == null ? "/>" : ">" + escape(content) + "</" + element + ">";
    return "<" + element + " class=\"measured\" " + attributes + end + "\n";
  }

  private static String text(int x, int y, String attributes, String content) {
    return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" %s>%s</text>%n", x, y, attributes, escape(content));
  }

  private static String clip(String text, double characters) {
    int room = Math.max(4, (int) characters);
    return text.length() <= room ? text : text.substring(0, room - 1) + "…";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private Waterfall() {}
}
