package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.MarkdownTable;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * "What each mode gives you": one row per thing a team chooses a mode for, one cell per mode, each cell written from its
 * evidence and linking to it. The comparison's JSON gives the spans, metrics, log lines and resource attributes (as
 * {@code make compare} found them in a real run); docs/performance.json, the data of the last full {@code make bench},
 * gives the cost cells (start-up, CPU a request); the sources give the lines of code. So a cell cannot say other than its evidence: the docs hold what this class wrote, and
 * a test writes it again from its own run and compares. Every link is checked to lead somewhere: a file, a heading of a
 * page, a test method.
 */
public final class ModeTable {

  /** The output region that holds the table, in whichever page shows it. */
  public static final String OUTPUT = "mode-table";

  private static final String COMPARISON = "docs/comparison.md";
  private static final String PERFORMANCE = "docs/performance.md";
  private static final String PERFORMANCE_DATA = "docs/performance.json";
  private static final String STARTUP = PERFORMANCE + "#start-up-and-the-recipes-that-cut-it";
  private static final String REQUEST_COST = PERFORMANCE + "#what-a-request-costs";
  /** The bench's routes: a handler doing real work, whose cost the cells quote first, and the Python example's. */
  private static final String REALISTIC_ROUTE = "/search";
  private static final String HELLO_WORLD_ROUTE = "/server_request";
  private static final String REAL_HANDLER = "docs/real-handler.md";
  private static final String TESTS = "tooling/smoke-tests/src/test/java/io/opentelemetry/example/autoinstrumentation/tooling/smoketests/";
  private static final String SOURCES = "server-%1$s/src/main/java/io/opentelemetry/example/autoinstrumentation/server/%1$s";
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} +(.+?) *$");
  private static final String COMMON = "common/src/main/java/io/opentelemetry/example/autoinstrumentation/common/";
  /** The library instrumentation the programmatic server uses, a module of its own. */
  private static final String SPARK_LIBRARY =
      "spark-2.6/src/main/java/io/opentelemetry/example/autoinstrumentation/spark/v2_6";
  /** The SDK set-up that the manual and programmatic servers share, which the agent does for itself. */
  static final List<String> SDK_SET_UP = List.of("OpenTelemetrySetup.java", "NotInThisBuild.java", "OneLineLogging.java",
      "ThreadDetailsSpanProcessor.java", "LogCorrelation.java", "LogRecords.java");

  private final Path root;
  private final Path page;
  private final List<JsonNode> rows = new ArrayList<>();

  private ModeTable(Path root, Path page, JsonNode compare) {
    this.root = root;
    this.page = page;
    compare.get("rows").forEach(rows::add);
  }

  /**
   * The table as Markdown, for {@code page} (its links are relative to it).
   *
   * @param compareJson the compare.json of a run of {@code make compare} in which every scenario ran
   */
  public static String markdown(Path root, Path page, Path compareJson) throws IOException {
    return new ModeTable(root, page, new ObjectMapper().readTree(Files.readString(compareJson))).render();
  }

  private String render() throws IOException {
    Map<String, Map<Mode, String>> table = new LinkedHashMap<>();
    table.put("server span", byMode(this::serverSpan));
    table.put("spans of outgoing calls (HTTP client, JDBC)", byMode(this::outgoingSpans));
    table.put("request metrics", byMode(this::requestMetrics));
    table.put("runtime metrics", byMode(this::runtimeMetrics));
    table.put("log correlation", byMode(this::logCorrelation));
    table.put("resource attributes", byMode(this::resource));
    table.put("start-up cost", startUp());
    table.put("CPU per request", cpuPerRequest());
    table.put("lines of code you write", byMode(this::linesOfCode));
    table.put("what you keep in sync by hand", byMode(this::inSync));
    table.put("what it cannot see", byMode(this::cannotSee));
    MarkdownTable out = new MarkdownTable("", "manual", "automatic", "programmatic");
    table.forEach((row, cells) ->
        out.row("**" + row + "**", cells.get(Mode.MANUAL), cells.get(Mode.AUTOMATIC), cells.get(Mode.PROGRAMMATIC)));
    return out.toString();
  }

  private interface Cell {
    String of(Mode mode) throws IOException;
  }

  private static Map<Mode, String> byMode(Cell cell) throws IOException {
    Map<Mode, String> cells = new EnumMap<>(Mode.class);
    for (Mode mode : Mode.values()) {
      cells.put(mode, cell.of(mode));
    }
    return cells;
  }

  // The cells, row by row.

  private String serverSpan(Mode mode) {
    List<JsonNode> serverRows = rows(section -> isScenario(section) && !section.equals(TreeSpan.HTTP_CLIENT.section())
        && !section.equals(TreeSpan.QUERY.section()));
    return link(whatDiffers(serverRows, mode), COMPARISON + "#the-table");
  }

  private String outgoingSpans(Mode mode) {
    List<JsonNode> clientRows = rows(section -> section.equals(TreeSpan.HTTP_CLIENT.section())
        || section.equals(TreeSpan.QUERY.section()));
    if (clientRows.stream().allMatch(row -> Comparison.isAbsent(value(row, mode)))) {
      return link("none", COMPARISON + "#the-table");
    }
    return link(whatDiffers(clientRows, mode), REAL_HANDLER + "#the-trace-each-mode-gives");
  }

  private String requestMetrics(Mode mode) {
    List<JsonNode> metric = rows(section -> section.equals(MetricRows.REQUEST_DURATION));
    String recordings = value(field(metric, MetricRows.RECORDINGS), mode);
    if (recordings.equals(MetricRows.NO_METRIC)) {
      return link("none", COMPARISON + "#metrics") + ", as the Python example's manual server";
    }
    return mode == Mode.AUTOMATIC ? link("`" + MetricRows.REQUEST_DURATION + "`", COMPARISON + "#metrics")
        : link(whatDiffers(metric, mode), COMPARISON + "#metrics");
  }

  private String runtimeMetrics(Mode mode) {
    List<JsonNode> runtime = rows(section -> section.equals(MetricRows.RUNTIME));
    long present = runtime.stream().filter(row -> !value(row, mode).equals("(absent)")).count();
    if (present == 0) {
      return link("none", COMPARISON + "#metrics");
    }
    return link(present + " `jvm.*` metrics", COMPARISON + "#metrics");
  }

  private String logCorrelation(Mode mode) {
    List<JsonNode> logs = rows(section -> section.equals(LogRows.SECTION));
    long correlated = logs.stream().filter(row -> value(row, mode).startsWith(LogRows.SERVER_SPANS_IDS)).count();
    return link("the span's ids in " + correlated + " of " + logs.size() + " log lines", COMPARISON + "#log-correlation");
  }

  private String resource(Mode mode) {
    List<JsonNode> resource = rows(section -> section.equals(Comparison.RESOURCE));
    long agent = resource.stream().filter(row -> value(row, Mode.AUTOMATIC).equals("present")).count();
    List<String> missing = resource.stream()
        .filter(row -> value(row, Mode.AUTOMATIC).equals("present") && !value(row, mode).equals("present"))
        .map(row -> "`" + row.get("field").asText() + "`").toList();
    String keys = mode == Mode.AUTOMATIC ? agent + " keys"
        : missing.isEmpty() ? "the agent's" : "the agent's but " + String.join(", ", missing);
    return link(keys, COMPARISON + "#the-expected-differences-and-why");
  }

  /**
   * Start-up, and for the agent the recipe that keeps its steady state with the price of each beside it: only the
   * instrumentations the application uses, and JDK 25's AOT cache.
   */
  private Map<Mode, String> startUp() throws IOException {
    JsonNode summary = performanceSummary();
    Map<Mode, String> cells = new EnumMap<>(Mode.class);
    for (Mode mode : Mode.values()) {
      JsonNode figures = variant(summary, mode.label());
      String cell = link(seconds(figures.get("startupSeconds")) + ", " + ratio(figures.get("startupRatio")), STARTUP);
      if (mode == Mode.AUTOMATIC) {
        JsonNode lean = variant(summary, "automatic-lean");
        cell += "; only what the app uses: " + seconds(lean.get("startupSeconds")) + " at "
            + ratio(route(lean, REALISTIC_ROUTE).get("cpuRatioToComparedWith")) + " the CPU a request";
        JsonNode aot = summary.get("automatic-jdk25-aot");
        if (aot != null) {
          cell += "; JDK 25's AOT cache: " + ratio(aot.get("startupRatioToComparedWith")) + " the start-up at "
              + ratio(route(aot, REALISTIC_ROUTE).get("cpuRatioToComparedWith")) + " the CPU";
        }
      }
      cells.put(mode, cell);
    }
    return cells;
  }

  /** What each mode adds to a request's CPU: on a handler doing real work first, on the hello-world route beside it. */
  private Map<Mode, String> cpuPerRequest() throws IOException {
    JsonNode summary = performanceSummary();
    Map<Mode, String> cells = new EnumMap<>(Mode.class);
    for (Mode mode : Mode.values()) {
      JsonNode figures = variant(summary, mode.label());
      cells.put(mode, link(added(route(figures, REALISTIC_ROUTE)) + " on `" + REALISTIC_ROUTE + "`", REQUEST_COST)
          + "; " + added(route(figures, HELLO_WORLD_ROUTE)) + " on `" + HELLO_WORLD_ROUTE + "`");
    }
    return cells;
  }

  /** The README's figures from the last full bench run, by variant: what it wrote for them, not a page to parse. */
  private JsonNode performanceSummary() throws IOException {
    Path data = root.resolve(PERFORMANCE_DATA);
    if (!Files.exists(data)) {
      throw new IllegalStateException(PERFORMANCE_DATA + " is missing: make bench FULL=1 writes it");
    }
    return new ObjectMapper().readTree(Files.readString(data)).path("summary");
  }

  private static JsonNode variant(JsonNode summary, String variant) {
    JsonNode figures = summary.get(variant);
    if (figures == null) {
      throw new IllegalStateException(PERFORMANCE_DATA + " has no figures for " + variant);
    }
    return figures;
  }

  private static JsonNode route(JsonNode figures, String path) {
    JsonNode route = figures.path("routes").get(path);
    if (route == null) {
      throw new IllegalStateException(PERFORMANCE_DATA + " has no figures on " + path);
    }
    return route;
  }

  /** "+134 µs, +12 % (+5–+13 %) a request": the microseconds added, and what that is of the baseline's CPU. */
  private static String added(JsonNode route) {
    JsonNode micros = route.get("addedCpuMicrosPerRequest");
    JsonNode ratio = route.get("cpuRatio");
    String range = hasRange(ratio)
        ? String.format(Locale.ROOT, " (%+.0f–%+.0f %%)", percent(ratio, "min"), percent(ratio, "max")) : "";
    return String.format(Locale.ROOT, "%+.0f µs, %+.0f %%%s a request", number(micros, "median"),
        percent(ratio, "median"), range);
  }

  /** "1.23× (1.07–1.24)": a ratio's median and range over the rounds; of one round, no range. */
  private static String ratio(JsonNode spread) {
    String range = hasRange(spread)
        ? String.format(Locale.ROOT, " (%.2f–%.2f)", number(spread, "min"), number(spread, "max")) : "";
    return String.format(Locale.ROOT, "%.2f×%s", number(spread, "median"), range);
  }

  private static boolean hasRange(JsonNode spread) {
    return spread.path("rounds").asInt() > 1;
  }

  private static String seconds(JsonNode spread) {
    return String.format(Locale.ROOT, "%.2f s", number(spread, "median"));
  }

  private static double percent(JsonNode ratio, String field) {
    return 100 * (number(ratio, field) - 1);
  }

  private static double number(JsonNode spread, String field) {
    JsonNode value = spread == null ? null : spread.get(field);
    if (value == null || !value.isNumber()) {
      throw new IllegalStateException(PERFORMANCE_DATA + " lacks a figure the table quotes");
    }
    return value.asDouble();
  }

  private String linesOfCode(Mode mode) throws IOException {
    if (mode == Mode.AUTOMATIC) {
      return link("none", directory(mode));
    }
    int mainClass = addedLines(mode);
    List<Path> own = ownFiles(mode);
    int ownLines = 0;
    for (Path file : own) {
      ownLines += LinesOfCode.count(Files.readString(file));
    }
    int setUp = 0;
    for (String file : SDK_SET_UP) {
      setUp += LinesOfCode.count(Files.readString(root.resolve(COMMON + file)));
    }
    String sdkSetUp = link(setUp + " of SDK set-up", COMMON);
    if (mode == Mode.MANUAL) {
      return link(mainClass + " in the main class, " + ownLines + " in " + own.size() + " files", directory(mode))
          + ", " + sdkSetUp;
    }
    int libraryLines = 0;
    for (Path file : javaFiles(root.resolve(SPARK_LIBRARY))) {
      libraryLines += LinesOfCode.count(Files.readString(file));
    }
    return link(mainClass + " in the main class, " + ownLines + " mapping the settings", directory(mode)) + ", "
        + sdkSetUp + "; " + link(libraryLines + " in the Spark library", SPARK_LIBRARY) + ", which upstream has not";
  }

  private String inSync(Mode mode) {
    if (mode == Mode.AUTOMATIC) {
      String agent = distinct(rows(section -> section.equals(Scenario.PYTHON_EXAMPLE.name())), "scope.version", mode);
      return link("the agent's release (" + agent + ")", COMPARISON + "#the-table")
          + " against the libraries it supports";
    }
    if (mode == Mode.PROGRAMMATIC) {
      String library = distinct(rows(section -> section.equals(TreeSpan.HTTP_CLIENT.section())), "scope.version", mode);
      String agent = distinct(rows(section -> section.equals(TreeSpan.HTTP_CLIENT.section())), "scope.version",
          Mode.AUTOMATIC);
      String line = library.equals(agent) ? library : library + ", the agent's " + agent;
      return link("one release line (" + line + ")", COMPARISON + "#the-expected-differences-and-why")
          + "; a `Context.taskWrapping` per executor "
          + test("ServerProgrammaticTest", "server-programmatic/src/test/java/io/opentelemetry/example/"
              + "autoinstrumentation/server/programmatic/", "withoutTaskWrappingTheQueryStartsANewTrace");
    }
    // The span names, attributes and status rules are upstream's code, called by hand: what is left is the calling.
    return link("each span's life, a getter per library", directory(mode)) + "; the context across executors";
  }

  private String cannotSee(Mode mode) {
    List<String> unseen = new ArrayList<>();
    JsonNode notFound = field(rows(section -> section.equals(Scenario.NOT_FOUND.name())), "name");
    if (Comparison.isAbsent(value(notFound, mode))) {
      unseen.add(link("the 404", COMPARISON + "#the-expected-differences-and-why") + " "
          + test("ServerManualTest", "server-manual/src/test/java/io/opentelemetry/example/autoinstrumentation/"
              + "server/manual/", "requestForNotFoundMakesNoSpan"));
    }
    JsonNode events = field(rows(section -> section.equals(Scenario.EXCEPTION.name())), "events");
    boolean anotherSeesIt = Stream.of(Mode.values()).anyMatch(other -> value(events, other).equals("exception"));
    if (anotherSeesIt && !value(events, mode).equals("exception")) {
      unseen.add(link("a route's exception, which Spark makes a 500", COMPARISON + "#failures"));
    }
    JsonNode status = field(rows(section -> section.equals(Scenario.EXCEPTION.name())), "http.response.status_code");
    if (value(status, mode).equals("(absent)") && !value(status, Mode.AUTOMATIC).equals("(absent)")) {
      unseen.add(link("what Spark answers after the route", COMPARISON + "#failures"));
    }
    return unseen.isEmpty() ? link("nothing the others see", COMPARISON + "#the-table") : String.join("; ", unseen);
  }

  // What the cells are made of.

  /**
   * What of {@code rows} differs from the agent's, in a few words: "the agent's", or "the agent's but `error.type`,
   * `events`; no span for the 404". Every mode names its own instrumentation scope, which the table says once above.
   */
  private static String whatDiffers(List<JsonNode> rows, Mode mode) {
    if (mode == Mode.AUTOMATIC) {
      return "the reference";
    }
    Set<String> fields = new TreeSet<>();
    Set<String> noSpan = new LinkedHashSet<>();
    for (JsonNode row : rows) {
      String field = row.get("field").asText();
      if (value(row, mode).equals(value(row, Mode.AUTOMATIC)) || field.equals("scope") || field.equals("scope.version")) {
        continue;
      }
      if (Comparison.isAbsent(value(row, mode))) {
        noSpan.add(row.get("section").asText());
      } else {
        fields.add("`" + field + "`");
      }
    }
    String cell = fields.isEmpty() ? "the agent's" : "the agent's but " + String.join(", ", fields);
    return noSpan.contains(Scenario.NOT_FOUND.name()) ? cell + "; no span for the 404" : cell;
  }

  private List<JsonNode> rows(Predicate<String> section) {
    List<JsonNode> found = rows.stream().filter(row -> section.test(row.get("section").asText())).toList();
    if (found.isEmpty()) {
      throw new IllegalStateException("compare.json has no rows for a cell of the table: was every scenario run?");
    }
    return found;
  }

  private static JsonNode field(List<JsonNode> rows, String field) {
    return rows.stream().filter(row -> row.get("field").asText().equals(field)).findFirst()
        .orElseThrow(() -> new IllegalStateException("compare.json has no field " + field));
  }

  private static String distinct(List<JsonNode> rows, String field, Mode mode) {
    return value(field(rows, field), mode);
  }

  private static String value(JsonNode row, Mode mode) {
    return row.get("values").get(mode.label()).asText();
  }

  private static boolean isScenario(String section) {
    return section.matches("[A-Z_]+(/[A-Z_]+)?");
  }

  /** The lines of the mode's main class that the automatic one does not have: its instrumentation. */
  private int addedLines(Mode mode) throws IOException {
    List<String> automatic = new ArrayList<>(codeLines(mainClass(Mode.AUTOMATIC)));
    int added = 0;
    for (String line : codeLines(mainClass(mode))) {
      if (!automatic.remove(line)) {
        added++;
      }
    }
    return added;
  }

  private Path mainClass(Mode mode) {
    return root.resolve(directory(mode)).resolve(mode.mainClass().substring(mode.mainClass().lastIndexOf('.') + 1) + ".java");
  }

  private List<String> codeLines(Path file) throws IOException {
    return LinesOfCode.lines(Files.readString(file));
  }

  /** The mode's instrumentation code besides its main class and its app of failing routes. */
  private List<Path> ownFiles(Mode mode) throws IOException {
    return javaFiles(root.resolve(directory(mode))).stream()
        .filter(file -> !file.equals(mainClass(mode)) && !file.getFileName().toString().equals("FailingRoutesServer.java"))
        .toList();
  }

  private static List<Path> javaFiles(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static String directory(Mode mode) {
    return SOURCES.formatted(mode.label());
  }

  // Links, each checked.

  /** {@code text} linking to {@code target} (a path from the root, with a heading's #anchor for a page). */
  private String link(String text, String target) {
    String[] parts = target.split("#", 2);
    Path file = root.resolve(parts[0]);
    if (!Files.exists(file)) {
      throw new IllegalStateException("the table links to " + target + ", which does not exist");
    }
    if (parts.length == 2 && !anchors(file).contains(parts[1])) {
      throw new IllegalStateException("the table links to " + target + ", but " + parts[0] + " has no such heading");
    }
    String relative = page.getParent().relativize(file).toString().replace('\\', '/');
    return "[" + text + "](" + (relative.isEmpty() ? "." : relative) + (parts.length == 2 ? "#" + parts[1] : "") + ")";
  }

  /** A link to a test class, or to one of its test methods, which must exist. */
  private String test(String testClass, String directory, String method) {
    Path file = root.resolve(directory).resolve(testClass + ".java");
    try {
      if (method != null && !Files.readString(file).contains(" void " + method + "(")) {
        throw new IllegalStateException("the table names " + testClass + "." + method + ", which does not exist");
      }
    } catch (IOException e) {
      throw new IllegalStateException("the table names " + testClass + ", which does not exist", e);
    }
    return "(" + link("`" + testClass + (method == null ? "" : "." + method) + "`", directory + testClass + ".java") + ")";
  }

  /** The anchors GitHub gives a page's headings (not its code blocks' comments): lower case, punctuation dropped. */
  static Set<String> anchors(Path page) {
    try {
      Set<String> anchors = new LinkedHashSet<>();
      Matcher heading = HEADING.matcher(Files.readString(page).replaceAll("(?s)```.*?```", ""));
      while (heading.find()) {
        anchors.add(heading.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
      }
      return anchors;
    } catch (IOException e) {
      return Set.of();
    }
  }
}
