package io.opentelemetry.example.autoinstrumentation.tooling.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the spans out of console output. The logging-otlp exporter writes one line per export: a log prefix (the
 * agent's or java.util.logging's), then an OTLP JSON {@code ResourceSpans} object, or with the wrapper option an {@code
 * ExportTraceServiceRequest}; both are read.
 */
public final class ExportedSpans {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Where a logging-otlp line's JSON starts: ResourceSpans, ResourceMetrics or ResourceLogs, after the log prefix. */
  public static final String OTLP_JSON_START = "{\"resource";
  static final String[] KINDS = {"UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"};
  static final String[] STATUSES = {"UNSET", "OK", "ERROR"};

  public static List<ExportedSpan> parse(List<String> lines) {
    List<ExportedSpan> spans = new ArrayList<>();
    for (String line : lines) {
      int start = line.indexOf(OTLP_JSON_START);
      if (start >= 0) {
        spans.addAll(parseLine(line.substring(start)));
      }
    }
    return spans;
  }

  static List<ExportedSpan> parseLine(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not OTLP JSON: " + e.getOriginalMessage(), e);
    }
    List<ExportedSpan> spans = new ArrayList<>();
    Iterable<JsonNode> resourceSpans = root.has("resourceSpans") ? root.get("resourceSpans") : List.of(root);
    for (JsonNode resourceSpan : resourceSpans) {
      Map<String, Object> resource = attributes(resourceSpan.path("resource").path("attributes"));
      for (JsonNode scopeSpans : resourceSpan.path("scopeSpans")) {
        String scope = scopeSpans.path("scope").path("name").asText();
        String scopeVersion = scopeSpans.path("scope").path("version").asText("");
        String schemaUrl = scopeSpans.path("schemaUrl").asText("");
        for (JsonNode span : scopeSpans.path("spans")) {
          List<String> events = new ArrayList<>();
          span.path("events").forEach(event -> events.add(event.path("name").asText()));
          spans.add(new ExportedSpan(
              resource,
              scope,
              scopeVersion,
              schemaUrl,
              span.path("traceId").asText(),
              span.path("spanId").asText(),
              span.path("parentSpanId").asText(""),
              span.path("name").asText(),
              KINDS[span.path("kind").asInt(0)],
              STATUSES[span.path("status").path("code").asInt(0)],
              attributes(span.path("attributes")),
              events,
              span.path("traceState").asText(""),
              span.path("startTimeUnixNano").asLong(0), // a decimal string in OTLP JSON
              span.path("endTimeUnixNano").asLong(0)));
        }
      }
    }
    return spans;
  }

  private static Map<String, Object> attributes(JsonNode attributes) {
    Map<String, Object> map = new LinkedHashMap<>();
    attributes.forEach(attribute -> map.put(attribute.path("key").asText(), value(attribute.path("value"))));
    return map;
  }

  private static Object value(JsonNode value) {
    if (value.has("stringValue")) {
      return value.get("stringValue").asText();
    } else if (value.has("intValue")) {
      return Long.parseLong(value.get("intValue").asText());
    } else if (value.has("doubleValue")) {
      return value.get("doubleValue").asDouble();
    } else if (value.has("boolValue")) {
      return value.get("boolValue").asBoolean();
    } else if (value.has("arrayValue")) {
      List<Object> values = new ArrayList<>();
      value.path("arrayValue").path("values").forEach(element -> values.add(value(element)));
      return values;
    }
    return value.toString();
  }

  private ExportedSpans() {}
}
