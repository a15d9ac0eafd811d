package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CPU profile in async-profiler's collapsed format ({@code [thread tid=1];frame;frame;... samples}, one stack a
 * line), drawn as an SVG flame graph in which OpenTelemetry's frames stand out, and summed up as shares of the CPU.
 */
final class FlameGraph {

  /** Whose code a frame is: what colours it. */
  enum Part {
    OPENTELEMETRY, SERVER, ROUTE, JAVA, NATIVE, KERNEL, THREAD;

    static Part of(String frame) {
      if (frame.startsWith("[") && frame.endsWith("]")) {
        return frame.equals("[unknown]") || frame.equals("[unknown_Java]") ? NATIVE : THREAD;
      }
      if (frame.endsWith("_[k]")) {
        return KERNEL;
      }
      if (frame.startsWith(EXAMPLE)) {
        return isInstrumentation(frame) ? OPENTELEMETRY : ROUTE;
      }
      if (frame.startsWith("io/opentelemetry/")) {
        return OPENTELEMETRY;
      }
      if (frame.startsWith("ch/qos/logback/") || frame.startsWith("org/slf4j/")) {
        // The route's log line, even where an OpenTelemetry appender hands the event on to the console appender.
        return ROUTE;
      }
      if (frame.startsWith("org/eclipse/jetty/") || frame.startsWith("spark/") || frame.startsWith("javax/servlet/")) {
        return SERVER;
      }
      return frame.indexOf('/') > 0 ? JAVA : NATIVE;
    }
  }

  /** Where a sample's CPU went: the first part of the cost that its stack shows, from the leaf down. */
  enum Share {
    SERVER("Jetty and Spark"),
    ROUTE("the route's own work, its log line included"),
    REQUEST_PATH("OpenTelemetry on the request threads"),
    BACKGROUND("OpenTelemetry's own threads (batch processor, exporter)"),
    JIT("JIT compiler"),
    GC("garbage collector"),
    OTHER("other (JVM, JDK, idle threads)");

    final String label;

    Share(String label) {
      this.label = label;
    }
  }

  static final String EXAMPLE = "io/opentelemetry/example/autoinstrumentation/";
  private static final Pattern THREAD = Pattern.compile("\\[(.*?)(?: tid=\\d+)?]");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  /** A lambda's hidden class, {@code Service$$Lambda$121.0x00007f531c08e890}: the same lambda in every run. */
  private static final Pattern LAMBDA = Pattern.compile("\\$\\$Lambda\\$\\d+[./]0x[0-9a-f]+");
  private static final int WIDTH = 1200;
  private static final int FRAME_HEIGHT = 16;
  private static final double CHAR_WIDTH = 6.6;
  /** Frames narrower than this share of the samples are left out, and so is all above them: the file stays small. */
  private static final double MIN_SHARE = 0.0025;

  /** One frame of the merged stacks and its samples. */
  static final class Node {
    final String name;
    long samples;
    final Map<String, Node> children = new LinkedHashMap<>();

    Node(String name) {
      this.name = name;
    }
  }

  final Node root = new Node("all");
  final Map<Share, Long> shares = new EnumMap<>(Share.class);
  /** The OpenTelemetry operations seen on the request threads and on OpenTelemetry's own, with their samples. */
  final Map<Share, Map<String, Long>> operations = new EnumMap<>(Share.class);
  boolean kernelFrames;

  private FlameGraph() {
    for (Share share : Share.values()) {
      shares.put(share, 0L);
    }
    operations.put(Share.REQUEST_PATH, new LinkedHashMap<>());
    operations.put(Share.BACKGROUND, new LinkedHashMap<>());
  }

  static FlameGraph parse(List<String> collapsed) {
    FlameGraph graph = new FlameGraph();
    for (String line : collapsed) {
      int space = line.lastIndexOf(' ');
      if (space < 0) {
        continue;
      }
      long samples = Long.parseLong(line.substring(space + 1).trim());
      List<String> frames = new ArrayList<>(List.of(line.substring(0, space).split(";")));
      String thread = frames.isEmpty() || Part.of(frames.get(0)) != Part.THREAD ? "[other]" : frames.remove(0);
      String group = threadGroup(thread);
      graph.add(group, frames, samples);
    }
    return graph;
  }

  long samples() {
    return root.samples;
  }

  double share(Share share) {
    return root.samples == 0 ? 0 : (double) shares.get(share) / root.samples;
  }

  /** The {@code n} largest OpenTelemetry operations of {@code share}, with their share of all samples. */
  List<Map.Entry<String, Double>> topOperations(Share share, int n) {
    return operations.get(share).entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(n)
        .map(entry -> Map.entry(entry.getKey(), (double) entry.getValue() / root.samples))
        .toList();
  }

  /** The share of all samples that {@code operation} of {@code share} took; zero if it never showed. */
  double operationShare(Share share, String operation) {
    return root.samples == 0 ? 0 : (double) operations.get(share).getOrDefault(operation, 0L) / root.samples;
  }

  private void add(String group, List<String> frames, long samples) {
    root.samples += samples;
    Node node = root.children.computeIfAbsent(group, Node::new);
    node.samples += samples;
    for (String frame : frames) {
      node = node.children.computeIfAbsent(frame, Node::new);
      node.samples += samples;
      kernelFrames |= frame.endsWith("_[k]");
    }
    Share share = share(group, frames);
    shares.merge(share, samples, Long::sum);
    if (share == Share.REQUEST_PATH || share == Share.BACKGROUND) {
      String operation = operation(frames);
      if (operation != null) {
        operations.get(share).merge(operation, samples, Long::sum);
      }
    }
  }

  /** The threads the server runs, by kind; their numbers dropped so that a pool is one tower of the graph. */
  static String threadGroup(String thread) {
    Matcher matcher = THREAD.matcher(thread);
    String name = matcher.matches() ? matcher.group(1) : thread;
    if (name.startsWith("qtp")) {
      return name.contains("acceptor") ? "Jetty acceptor" : "Jetty request threads";
    }
    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
      return name.substring(0, 2) + " JIT compiler";
    }
    if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
      return "garbage collector";
    }
    if (name.startsWith("BatchSpanProcessor")) {
      return "batch span processor";
    }
    if (name.startsWith("HttpClient-") || name.startsWith("jdkhttp-")) {
      return "OTLP sender (JDK HttpClient)";
    }
    if (name.startsWith("OkHttp")) {
      return "OTLP sender (OkHttp)";
    }
    return DIGITS.matcher(name).replaceAll("N");
  }

  private static Share share(String group, List<String> frames) {
    if (group.endsWith("JIT compiler")) {
      return Share.JIT;
    }
    if (group.equals("garbage collector")) {
      return Share.GC;
    }
    boolean background = group.equals("batch span processor") || group.startsWith("OTLP sender");
    for (int i = frames.size() - 1; i >= 0; i--) {
      Part part = Part.of(frames.get(i));
      if (part == Part.OPENTELEMETRY) {
        return group.startsWith("Jetty") ? Share.REQUEST_PATH : Share.BACKGROUND;
      }
      if (part == Part.SERVER) {
        return Share.SERVER;
      }
      if (part == Part.ROUTE) {
        return Share.ROUTE;
      }
    }
    return background ? Share.BACKGROUND : Share.OTHER;
  }

  /**
   * The OpenTelemetry call a sample is in, as {@code Outer.method › Inner.method}: the outermost frame of the run of
   * OpenTelemetry frames (and the JDK frames they call) that holds the sample's leaf-most OpenTelemetry frame.
   */
  private static String operation(List<String> frames) {
    int innermost = -1;
    for (int i = frames.size() - 1; i >= 0 && innermost < 0; i--) {
      if (Part.of(frames.get(i)) == Part.OPENTELEMETRY) {
        innermost = i;
      }
    }
    if (innermost < 0) {
      return null;
    }
    int top = innermost;
    while (top > 0 && (Part.of(frames.get(top - 1)) == Part.OPENTELEMETRY || Part.of(frames.get(top - 1)) == Part.JAVA)) {
      top--;
    }
    while (Part.of(frames.get(top)) != Part.OPENTELEMETRY) {
      top++; // the run may start with JDK frames that called into OpenTelemetry, such as Thread.run
    }
    String outer = shortName(frames.get(top));
    return top + 1 < frames.size() ? outer + " › " + shortName(frames.get(top + 1)) : outer;
  }

  /** {@code org/eclipse/jetty/server/Server.handle} as {@code Server.handle}; lambdas keep their enclosing method. */
  static String shortName(String frame) {
    String name = frame.endsWith("_[k]") ? frame.substring(0, frame.length() - 4) : frame;
    name = LAMBDA.matcher(name).replaceAll("\\$\\$Lambda");
    int dot = name.indexOf('.');
    int slash = name.lastIndexOf('/', dot < 0 ? name.length() : dot);
    return slash < 0 ? name : name.substring(slash + 1);
  }

  /** The flame graph: threads at the bottom, callees above their callers, widths in proportion to CPU samples. */
  String svg(String title, String subtitle) {
    int depth = depth(root, 0);
    int legendHeight = 44;
    int top = 70 + legendHeight;
    int height = top + depth * FRAME_HEIGHT + 10;
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"Verdana, sans-serif\""
            + " font-size=\"11\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>%n"
            + "<text x=\"%d\" y=\"20\" font-size=\"15\" text-anchor=\"middle\">%s</text>%n"
            + "<text x=\"%d\" y=\"38\" fill=\"#555555\" text-anchor=\"middle\">%s</text>%n"
            + "<text x=\"%d\" y=\"54\" fill=\"#555555\" text-anchor=\"middle\">%s</text>%n",
        WIDTH, height, WIDTH / 2, escape(title), WIDTH / 2, escape(firstLine(subtitle)), WIDTH / 2,
        escape(subtitle.substring(firstLine(subtitle).length()).trim())));
    legend(svg, 70);
    // the root ("all") is not drawn: its children, the thread groups, sit on the bottom row
    double x = 10;
    double scale = (WIDTH - 20.0) / Math.max(1, root.samples);
    for (Node group : root.children.values()) {
      draw(svg, group, Part.THREAD, x, top + (depth - 1) * FRAME_HEIGHT, scale);
      x += group.samples * scale;
    }
    return svg.append("</svg>\n").toString();
  }

  /** The subtitle up to its first semicolon, or all of it. */
  private static String firstLine(String subtitle) {
    int semicolon = subtitle.indexOf(';');
    return semicolon < 0 ? subtitle : subtitle.substring(0, semicolon + 1);
  }

  private void legend(StringBuilder svg, int y) {
    Object[][] entries = {
        {Part.OPENTELEMETRY, "OpenTelemetry: API, SDK, exporters, instrumentation (agent, library, manual span)"},
        {Part.SERVER, "Jetty and Spark"},
        {Part.ROUTE, "the application's route"},
        {Part.JAVA, "JDK and other libraries"},
        {Part.NATIVE, "JVM and native code"},
        {Part.KERNEL, "kernel"}};
    double x = 10;
    for (int i = 0; i < entries.length; i++) {
      int row = i < 1 ? 0 : 1;
      if (i == 1) {
        x = 10;
      }
      String label = (String) entries[i][1];
      svg.append(String.format(Locale.ROOT,
          "<rect x=\"%.1f\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%.1f\" y=\"%d\">%s</text>%n",
          x, y + row * 18, color((Part) entries[i][0], ""), x + 16, y + row * 18 + 10, escape(label)));
      x += 16 + label.length() * CHAR_WIDTH + 24;
    }
  }

  private void draw(StringBuilder svg, Node node, Part part, double x, int y, double scale) {
    double width = node.samples * scale;
    if (node.samples < MIN_SHARE * root.samples) {
      return;
    }
    String label = part == Part.THREAD || !node.name.contains("/") ? node.name : shortName(node.name);
    svg.append(String.format(Locale.ROOT,
        "<g><title>%s (%d samples, %.2f%%)</title><rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\""
            + " stroke=\"#ffffff\" stroke-width=\"0.5\"/>",
        escape(node.name), node.samples, 100.0 * node.samples / root.samples, x, y, width, FRAME_HEIGHT - 1,
        color(part, node.name)));
    int fits = (int) ((width - 6) / CHAR_WIDTH);
    if (fits >= 3) {
      String text = label.length() <= fits ? label : label.substring(0, fits - 2) + "..";
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", x + 3, y + FRAME_HEIGHT - 4,
          escape(text)));
    }
    svg.append("</g>\n");
    double childX = x;
    for (Node child : node.children.values()) {
      draw(svg, child, Part.of(child.name), childX, y - FRAME_HEIGHT, scale);
      childX += child.samples * scale;
    }
  }

  private int depth(Node node, int level) {
    int deepest = level;
    for (Node child : node.children.values()) {
      if (child.samples >= MIN_SHARE * root.samples) {
        deepest = Math.max(deepest, depth(child, level + 1));
      }
    }
    return deepest;
  }

  /** A colour per part, its lightness varied a little by name so that neighbouring frames stay apart. */
  private static String color(Part part, String name) {
    int vary = Math.floorMod(name.hashCode(), 12);
    return switch (part) {
      case OPENTELEMETRY -> hsl(268, 70, 52 + vary);
      case SERVER -> hsl(105, 38, 66 + vary);
      case ROUTE -> hsl(28, 90, 58 + vary);
      case JAVA -> hsl(48, 70, 72 + vary);
      case NATIVE -> hsl(0, 55, 74 + vary);
      case KERNEL -> hsl(20, 15, 70 + vary);
      case THREAD -> hsl(210, 10, 80);
    };
  }

  private static String hsl(int hue, int saturation, int lightness) {
    return "hsl(" + hue + "," + saturation + "%," + Math.min(lightness, 92) + "%)";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /**
   * The example's own instrumentation code, as opposed to its routes: the Spark library's package, the manual span's
   * code ({@code traced}, the calls into upstream's conventions and the getter) and the SDK set-up's span processor.
   */
  private static boolean isInstrumentation(String frame) {
    return frame.contains("/autoinstrumentation/spark/")
        || frame.contains("/manual/ServerManual.lambda$traced$") || frame.contains("/manual/HttpConventions")
        || frame.contains("/manual/SparkHttpGetter") || frame.contains("/common/ThreadDetailsSpanProcessor")
        || frame.contains("/common/OpenTelemetrySetup");
  }
}
