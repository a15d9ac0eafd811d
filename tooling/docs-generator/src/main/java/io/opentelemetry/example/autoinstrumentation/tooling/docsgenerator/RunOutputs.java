package io.opentelemetry.example.autoinstrumentation.tooling.docsgenerator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.example.autoinstrumentation.tooling.compare.Compare;
import io.opentelemetry.example.autoinstrumentation.tooling.compare.ModeTable;
import io.opentelemetry.example.autoinstrumentation.tooling.compare.TraceDifferences;
import io.opentelemetry.example.autoinstrumentation.tooling.compare.Waterfall;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.AutomaticApi;
import io.opentelemetry.example.autoinstrumentation.tooling.configparity.ConfigParity;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ClientProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpans;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Placeholders;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ReadableJson;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the docs show of real runs: each mode's server span for the request of {@code make client}, each mode's whole
 * trace of it as a picture, the spans of server-automatic-api under the agent, every
 * server's span tree side by side, the trace of the real handler, the comparison and the configuration table. Values
 * that change from run to run are replaced by named placeholders, so the docs change only when behaviour does; the
 * pictures keep their times (see {@link Waterfall}).
 */
final class RunOutputs {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final String AUTOMATIC_API = "automatic-api";
  private static final int PICTURE_WIDTH = 760;

  private final Map<String, String> outputs = new HashMap<>();
  private final Map<String, String> files = new LinkedHashMap<>();
  private final Map<String, List<ExportedSpan>> serverSpans = new HashMap<>();
  private final Map<String, List<ExportedSpan>> traces = new HashMap<>();
  private Path compareJson;

  /**
   * Runs what {@code names} need; each name is {@code span-<mode>}, {@code span-automatic-api},
   * {@code span-trees} (every server's spans for that request, side by side), {@code waterfall-<mode>} (the picture of
   * the mode's trace, written to {@code docs/trace-<mode>.svg}), {@code differences-<mode>} (a sentence on how its
   * trace differs from manual's), {@code tree-<mode>} (the real handler's trace), {@code real-handler-lines},
   * {@code compare-table}, {@code mode-table} (what each mode gives, from the same run of the comparison), {@code
   * spring-compare-table} (the Spring Boot variants' comparison) or {@code config-table}.
   */
  static RunOutputs capture(List<String> names) throws IOException {
    RunOutputs run = new RunOutputs();
    boolean trees = names.contains("span-trees");
    // every picture marks what differs between all three modes, so one asks for all three runs
    boolean pictures = names.stream().anyMatch(name -> name.startsWith("waterfall-") || name.startsWith("differences-"));
    for (Mode mode : Mode.values()) {
      boolean tree = names.contains("tree-" + mode.label());
      if (trees || pictures || tree || names.contains("span-" + mode.label())) {
        run.walkthroughRequest(mode.label(), 1, tree, () -> ServerProcess.start(mode, Map.of(), START_TIMEOUT));
      }
    }
    if (trees || names.contains("span-" + AUTOMATIC_API)) {
      // the agent's SERVER span and the @WithSpan method's INTERNAL span
      run.walkthroughRequest(AUTOMATIC_API, 2, false, () -> AutomaticApi.start(true, Map.of(), START_TIMEOUT));
    }
    if (names.contains("real-handler-lines")) {
      run.outputs.put("real-handler-lines", LineCounts.table(ProjectLayout.root()));
    }
    if (pictures) {
      run.drawTraces();
    }
    if (trees) {
      Map<String, List<ExportedSpan>> inOrder = new LinkedHashMap<>();
      for (String server : List.of("manual", "automatic", AUTOMATIC_API, "programmatic")) {
        inOrder.put(server, run.serverSpans.get(server));
      }
      run.outputs.put("span-trees", TraceTrees.draw(inOrder, TraceTrees::appAttributes));
    }
    if (names.contains("compare-table") || names.contains(ModeTable.OUTPUT)) {
      Path reports = ProjectLayout.root().resolve("target/compare"); // where make compare writes them too
      if (Compare.run(reports) != 0) {
        throw new IllegalStateException("make compare found a difference; fix it before generating the docs");
      }
      String markdown = Files.readString(reports.resolve("compare.md"));
      run.outputs.put("compare-table", markdown);
      run.compareJson = reports.resolve("compare.json");
    }
    if (names.contains(Compare.SPRING_TABLE)) {
      Path reports = ProjectLayout.root().resolve("target/compare").resolve(Compare.SPRING_REPORTS);
      if (Compare.runSpring(reports) != 0) {
        throw new IllegalStateException("make compare found a difference between the Spring Boot variants; fix it"
            + " before generating the docs");
      }
      run.outputs.put(Compare.SPRING_TABLE, Files.readString(reports.resolve("compare.md")));
    }
    if (names.contains("config-table")) {
      ConfigParity.Result table = ConfigParity.run();
      if (!table.unexpected().isEmpty()) {
        throw new IllegalStateException("the configuration table has " + table.unexpected().size()
            + " row(s) that act other than expected, first " + table.unexpected().get(0).firstDifference()
            + "; fix them before generating the docs");
      }
      run.outputs.put("config-table", table.markdown());
    }
    return run;
  }

  /** The output {@code name} as {@code page} shows it: the table of what each mode gives links from that page. */
  String get(String name, Path page) throws IOException {
    if (name.equals(ModeTable.OUTPUT) && compareJson != null) {
      return ModeTable.markdown(ProjectLayout.root(), page, compareJson);
    }
    return outputs.get(name);
  }

  /** The files the outputs refer to, by name in docs/: the pictures. */
  Map<String, String> files() {
    return files;
  }

  /** Each mode's trace as a picture, and for automatic and programmatic a sentence on how theirs differs from manual's. */
  private void drawTraces() {
    Map<Mode, List<ExportedSpan>> byMode = new EnumMap<>(Mode.class);
    for (Mode mode : Mode.values()) {
      byMode.put(mode, traces.get(mode.label()));
    }
    Map<Mode, Map<String, Map<String, String>>> marks = TraceDifferences.marks(byMode);
    for (Mode mode : Mode.values()) {
      String file = "trace-" + mode.label() + ".svg";
      files.put(file, Waterfall.svg(mode.label() + ": make client against " + mode.module(),
          byMode.get(mode), marks.get(mode), PICTURE_WIDTH));
      outputs.put("waterfall-" + mode.label(),
          "![" + mode.label() + ": the trace of make client against " + mode.module() + "](" + file + ")\n");
      outputs.put("differences-" + mode.label(),
          TraceSentences.differences(TraceDifferences.against(byMode.get(Mode.MANUAL), byMode.get(mode))));
    }
  }

  /**
   * The walkthrough's run for one server: the real client's request to {@code /server_request}, with the spans each
   * printed; then, if {@code tree}, its request to {@code /real_handler} and the whole trace that made.
   */
  private void walkthroughRequest(String label, int expectedSpans, boolean tree, Supplier<ServerProcess> start)
      throws IOException {
    ProcessOutput server;
    ProcessOutput client;
    ProcessOutput treeClient = null;
    try (ServerProcess process = start.get()) {
      // as a reader runs it: make client PORT=…, and make client SERVER_URL=http://localhost:…/real_handler
      client = ClientProcess.run(Map.of("PORT", String.valueOf(process.port())), "testing");
      process.awaitSpans(expectedSpans, Duration.ofSeconds(15));
      if (tree) {
        treeClient = ClientProcess.run(
            Map.of("SERVER_URL", "http://localhost:" + process.port() + "/real_handler"), "testing");
        process.awaitSpans(expectedSpans + 4, Duration.ofSeconds(15));
      }
      server = process.stop();
    }
    List<JsonNode> clientSpans = spans(client.stderr());
    String firstTrace = clientSpans.get(0).path("traceId").asText();
    Map<String, String> ids = new HashMap<>();
    for (JsonNode span : clientSpans) {
      ids.put(span.path("spanId").asText(), span.path("kind").asInt() == 3 ? "<client's CLIENT span id>" : "<client's root span id>");
      ids.put(span.path("traceId").asText(), "<trace id>");
    }
    // The spans of /server_request are those in the client's first trace; the rest, if any, are the real handler's.
    List<JsonNode> serverJson = new ArrayList<>(spans(server.stderr()).stream()
        .filter(span -> span.path("traceId").asText().equals(firstTrace)).toList());
    serverJson.sort(Comparator.comparing(span -> span.path("kind").asInt() != 2)); // the SERVER span first
    serverJson.forEach(span -> ids.put(span.path("spanId").asText(),
        span.path("kind").asInt() == 2 ? "<server span id>" : "<@WithSpan span id>"));
    serverSpans.put(label, server.spans().stream().filter(span -> span.traceId().equals(firstTrace)).toList());
    List<ExportedSpan> trace = new ArrayList<>(client.spans());
    trace.addAll(server.spans());
    traces.put(label, trace.stream().filter(span -> span.traceId().equals(firstTrace)).toList()); // not the others
    if (serverJson.size() == 1) {
      outputs.put("span-" + label, fence(normalize(serverJson.get(0), ids)));
    } else {
      ArrayNode array = JSON.createArrayNode();
      serverJson.forEach(span -> array.add(normalize(span, ids)));
      outputs.put("span-" + label, fence(array));
    }
    if (treeClient != null) {
      List<ExportedSpan> handled = new ArrayList<>(treeClient.spans());
      server.spans().stream().filter(span -> !span.traceId().equals(firstTrace)).forEach(handled::add);
      outputs.put("tree-" + label, TraceTrees.draw(handled));
    }
  }

  private static List<JsonNode> spans(List<String> lines) {
    List<JsonNode> spans = new ArrayList<>();
    for (String line : lines) {
      int start = line.indexOf(ExportedSpans.OTLP_JSON_START);
      if (start < 0) {
        continue;
      }
      try {
        JSON.readTree(line.substring(start)).path("scopeSpans")
            .forEach(scope -> scope.path("spans").forEach(spans::add));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return spans;
  }

  /** A span with its ids named, times and ports replaced, and attributes sorted by key. */
  static JsonNode normalize(JsonNode span, Map<String, String> ids) {
    ObjectNode copy = span.deepCopy();
    for (String field : List.of("traceId", "spanId", "parentSpanId")) {
      if (copy.has(field) && !copy.get(field).asText().isEmpty()) {
        copy.put(field, ids.getOrDefault(copy.get(field).asText(), "<other id>"));
      }
    }
    copy.put("startTimeUnixNano", "<start time>");
    copy.put("endTimeUnixNano", "<end time>");
    List<JsonNode> attributes = new ArrayList<>();
    copy.path("attributes").forEach(attributes::add);
    attributes.sort((a, b) -> a.path("key").asText().compareTo(b.path("key").asText()));
    ArrayNode sorted = copy.putArray("attributes");
    for (JsonNode attribute : attributes) {
      ObjectNode entry = attribute.deepCopy();
      String key = entry.path("key").asText();
      ObjectNode value = (ObjectNode) entry.path("value");
      for (String type : List.of("stringValue", "intValue")) {
        if (value.has(type)) {
          Object replaced = Placeholders.replace(key, value.get(type).asText());
          value.put(type, String.valueOf(replaced)); // the same text, or a placeholder
        }
      }
      sorted.add(entry);
    }
    return copy;
  }

  /** Spans as indented JSON, each attribute on one line of its own, as a reader scans them. */
  static String fence(JsonNode json) {
    return "```json\n" + ReadableJson.of(json) + "\n```\n";
  }


}
