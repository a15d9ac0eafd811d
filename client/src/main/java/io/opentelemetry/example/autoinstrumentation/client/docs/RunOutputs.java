package io.opentelemetry.example.autoinstrumentation.client.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.example.autoinstrumentation.client.compare.Compare;
import io.opentelemetry.example.autoinstrumentation.client.config.ConfigParity;
import io.opentelemetry.example.autoinstrumentation.client.harness.ClientProcess;
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
import java.util.Set;

/**
 * What the docs show of real runs: each mode's server span and the client's spans for the seed's request, and the
 * comparison. Values that change from run to run are replaced by named placeholders, so the docs change only when
 * behaviour does.
 */
final class RunOutputs {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Set<String> PORTS = Set.of("server.port", "network.peer.port");

  private final Map<String, String> outputs = new HashMap<>();

  /**
   * Runs what {@code names} need; each name is {@code span-<mode>}, {@code client-spans}, {@code compare-table} or
   * {@code config-table}.
   */
  static RunOutputs capture(List<String> names) throws IOException {
    RunOutputs run = new RunOutputs();
    for (Mode mode : Mode.values()) {
      if (names.contains("span-" + mode.label()) || (mode == Mode.MANUAL && names.contains("client-spans"))) {
        run.seedRequest(mode);
      }
    }
    if (names.contains("compare-table")) {
      Path reports = ProjectLayout.root().resolve("target/compare"); // where make compare writes them too
      if (Compare.run(reports) != 0) {
        throw new IllegalStateException("make compare found a difference; fix it before generating the docs");
      }
      String markdown = Files.readString(reports.resolve("compare.md"));
      run.outputs.put("compare-table", markdown);
    }
    if (names.contains("config-table")) {
      ConfigParity.Result table = ConfigParity.run();
      if (!table.unexpected().isEmpty()) {
        throw new IllegalStateException("the configuration table has rows that act other than expected, first "
            + table.unexpected().get(0).setting() + "; fix them before generating the docs");
      }
      run.outputs.put("config-table", table.markdown());
    }
    return run;
  }

  String get(String name) {
    return outputs.get(name);
  }

  /** The seed's walkthrough for one mode: the server, the real client, the spans each printed. */
  private void seedRequest(Mode mode) throws IOException {
    ProcessOutput server;
    ProcessOutput client;
    try (ServerProcess process = ServerProcess.start(mode, Map.of(), Duration.ofSeconds(60))) {
      client = ClientProcess.run(Map.of("SERVER_URL", process.uri("/server_request").toString()), "testing");
      process.awaitSpans(1, Duration.ofSeconds(15));
      server = process.stop();
    }
    List<JsonNode> clientSpans = spans(client.stderr());
    Map<String, String> ids = new HashMap<>();
    for (JsonNode span : clientSpans) {
      ids.put(span.path("spanId").asText(), span.path("kind").asInt() == 3 ? "<client's CLIENT span id>" : "<client's root span id>");
      ids.put(span.path("traceId").asText(), "<trace id>");
    }
    List<JsonNode> serverSpans = spans(server.stderr());
    serverSpans.forEach(span -> ids.put(span.path("spanId").asText(), "<server span id>"));
    outputs.put("span-" + mode.label(), fence(normalize(serverSpans.get(0), ids)));
    if (mode == Mode.MANUAL) {
      ArrayNode array = JSON.createArrayNode();
      clientSpans.forEach(span -> array.add(normalize(span, ids)));
      outputs.put("client-spans", fence(array));
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
      if (PORTS.contains(key)) {
        value.put("intValue", "<port>");
      } else if (key.equals("thread.id")) {
        value.put("intValue", "<thread id>");
      } else if (key.equals("thread.name")) {
        value.put("stringValue", value.path("stringValue").asText().replaceAll("\\d+", "N"));
      } else if (key.equals("url.full")) {
        value.put("stringValue", value.path("stringValue").asText().replaceFirst(":\\d+/", ":<port>/"));
      } else if (value.path("stringValue").asText().startsWith("Java-http-client/")) {
        value.put("stringValue", "Java-http-client/<JDK version>");
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
