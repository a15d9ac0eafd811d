package io.opentelemetry.example.autoinstrumentation.client.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.example.autoinstrumentation.client.compare.Compare;
import io.opentelemetry.example.autoinstrumentation.client.harness.ClientProcess;
import io.opentelemetry.example.autoinstrumentation.client.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.client.harness.Placeholders;
import io.opentelemetry.example.autoinstrumentation.client.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.client.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.client.harness.ProjectLayout;
import io.opentelemetry.example.autoinstrumentation.client.harness.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the docs show of real runs: each mode's server span and the client's spans for the Python example's request, the
 * trace of the real handler, and the comparison. Values that change from run to run are replaced by named
 * placeholders, so the docs change only when behaviour does.
 */
final class RunOutputs {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Map<String, String> outputs = new HashMap<>();

  /**
   * Runs what {@code names} need; each name is {@code span-<mode>}, {@code client-spans}, {@code tree-<mode>} (the real
   * handler's trace), {@code real-handler-lines} or {@code compare-table}.
   */
  static RunOutputs capture(List<String> names) throws IOException {
    RunOutputs run = new RunOutputs();
    for (Mode mode : Mode.values()) {
      boolean tree = names.contains("tree-" + mode.label());
      if (tree || names.contains("span-" + mode.label()) || (mode == Mode.MANUAL && names.contains("client-spans"))) {
        run.walkthrough(mode, tree);
      }
    }
    if (names.contains("real-handler-lines")) {
      run.outputs.put("real-handler-lines", LineCounts.table(ProjectLayout.root()));
    }
    if (names.contains("compare-table")) {
      Path reports = ProjectLayout.root().resolve("target/compare"); // where make compare writes them too
      if (Compare.run(reports) != 0) {
        throw new IllegalStateException("make compare found a difference; fix it before generating the docs");
      }
      String markdown = Files.readString(reports.resolve("compare.md"));
      run.outputs.put("compare-table", markdown);
    }
    return run;
  }

  String get(String name) {
    return outputs.get(name);
  }

  /**
   * The walkthrough for one mode, on one server: the real client's request to {@code /server_request}, with the spans
   * each printed; then, if {@code tree}, its request to {@code /real_handler} and the whole trace that made.
   */
  private void walkthrough(Mode mode, boolean tree) throws IOException {
    ProcessOutput server;
    ProcessOutput client;
    ProcessOutput treeClient = null;
    try (ServerProcess process = ServerProcess.start(mode, Map.of(), Duration.ofSeconds(60))) {
      client = ClientProcess.run(Map.of("SERVER_URL", process.uri("/server_request").toString()), "testing");
      process.awaitSpans(1, Duration.ofSeconds(15));
      if (tree) {
        treeClient = ClientProcess.run(Map.of("SERVER_URL", process.uri("/real_handler").toString()), "testing");
        process.awaitSpans(1 + 4, Duration.ofSeconds(15));
      }
      server = process.stop();
    }
    List<JsonNode> clientSpans = spans(client.stderr());
    Map<String, String> ids = new HashMap<>();
    for (JsonNode span : clientSpans) {
      ids.put(span.path("spanId").asText(), span.path("kind").asInt() == 3 ? "<client's CLIENT span id>" : "<client's root span id>");
      ids.put(span.path("traceId").asText(), "<trace id>");
    }
    // The span of /server_request is the one in the client's trace; the rest, if any, are the real handler's.
    List<JsonNode> serverSpans = spans(server.stderr()).stream()
        .filter(span -> ids.containsKey(span.path("traceId").asText())).toList();
    serverSpans.forEach(span -> ids.put(span.path("spanId").asText(), "<server span id>"));
    outputs.put("span-" + mode.label(), fence(normalize(serverSpans.get(0), ids)));
    if (mode == Mode.MANUAL) {
      ArrayNode array = JSON.createArrayNode();
      clientSpans.forEach(span -> array.add(normalize(span, ids)));
      outputs.put("client-spans", fence(array));
    }
    if (treeClient != null) {
      String firstTrace = clientSpans.get(0).path("traceId").asText();
      List<ExportedSpan> trace = new ArrayList<>(treeClient.spans());
      server.spans().stream().filter(span -> !span.traceId().equals(firstTrace)).forEach(trace::add);
      outputs.put("tree-" + mode.label(), TraceTrees.draw(trace));
    }
  }

  private static List<JsonNode> spans(List<String> lines) {
    List<JsonNode> spans = new ArrayList<>();
    for (String line : lines) {
      int start = line.indexOf("{\"resource");
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

  private static String fence(JsonNode json) {
    try {
      return "```json\n" + JSON.writeValueAsString(json) + "\n```\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
