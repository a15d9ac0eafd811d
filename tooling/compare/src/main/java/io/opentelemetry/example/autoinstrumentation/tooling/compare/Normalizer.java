package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import static io.opentelemetry.semconv.ServerAttributes.SERVER_PORT;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Placeholders;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a span into the fields the comparison shows, with what varies from run to run replaced: ids become links
 * ("the client's CLIENT span", "the OkHttp CLIENT span"), ports and thread ids placeholders, and timestamps are dropped.
 */
final class Normalizer {

  static final String ABSENT = "(no span)";
  static final String CLIENT_SPAN = "the client's CLIENT span";
  /** The field that lists the spans of a request's trace, besides those compared in sections of their own. */
  static final String OTHER_SPANS = "other spans in its trace";
  /** The field that counts the SERVER spans a mode made for a scenario's one request: 1 in every mode. */
  static final String SERVER_SPANS = "SERVER spans for the request";
  /** What follows an attribute's key in its row's name when a field has that name: {@code status (attribute)}. */
  static final String ATTRIBUTE = " (attribute)";
  /** The listening port, when the caller does not know it: every {@code server.port} then shows as the placeholder. */
  static final int ANY_PORT = -1;

  /**
   * The fields of a span: name, kind, status, parent, trace state, events, instrumentation scope (name, version, schema
   * URL), then one per attribute.
   *
   * @param links what to call the spans a parent id may point at, by span id
   * @param serverPort the port of the server that exported it, or {@link #ANY_PORT}
   */
  static Map<String, String> fields(ExportedSpan span, Map<String, String> links, int serverPort) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", span.name());
    fields.put("kind", span.kind());
    fields.put("status", span.status());
    fields.put("parent", parent(span, links));
    fields.put("tracestate", span.traceState().isEmpty() ? "(none)" : span.traceState());
    fields.put("events", span.events().isEmpty() ? "(none)" : String.join(", ", span.events()));
    fields.put("scope", span.scope());
    fields.put("scope.version", orNone(span.scopeVersion()));
    fields.put("schema url", orNone(span.schemaUrl()));
    // an attribute named as a field, such as Micrometer's "status", has a row of its own
    span.attributes().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(entry -> fields.put(fields.containsKey(entry.getKey()) ? entry.getKey() + ATTRIBUTE : entry.getKey(),
            value(entry.getKey(), entry.getValue(), serverPort)));
    return fields;
  }

  /** The fields of a server span whose parent may be the client's CLIENT span, {@code clientSpanId} (or null). */
  static Map<String, String> fields(ExportedSpan span, String clientSpanId) {
    return fields(span, clientSpanId, ANY_PORT);
  }

  static Map<String, String> fields(ExportedSpan span, String clientSpanId, int serverPort) {
    return fields(span, clientSpanId == null ? Map.of() : Map.of(clientSpanId, CLIENT_SPAN), serverPort);
  }

  /**
   * The spans a server made for {@code GET /real_handler?param=<param>}, each with its fields, parents named by the
   * role of the span they point at. A span the mode did not make is missing from the map. The handler's fields end with
   * {@link #OTHER_SPANS}: any span of its trace that plays none of the roles, which the agent's tree does not have.
   * {@code serverPort} is the port of the server that exported them, or {@link #ANY_PORT}; {@code lineup} names the
   * spans, {@code targets} reads which request each is about.
   */
  static Map<TreeSpan, Map<String, String>> tree(Lineup lineup, Targets targets, List<ExportedSpan> spans, String param,
      String clientSpanId, int serverPort) {
    Map<TreeSpan, ExportedSpan> found = new EnumMap<>(TreeSpan.class);
    List<ExportedSpan> unassigned = new ArrayList<>(spans);
    for (TreeSpan role : TreeSpan.values()) {
      unassigned.stream().filter(span -> role.matches(span, param, targets)).findFirst().ifPresent(span -> {
        found.put(role, span);
        unassigned.remove(span);
      });
    }
    Map<String, String> links = new HashMap<>();
    if (clientSpanId != null) {
      links.put(clientSpanId, CLIENT_SPAN);
    }
    found.forEach((role, span) -> links.put(span.spanId(), role.description(lineup)));
    Map<TreeSpan, Map<String, String>> tree = new EnumMap<>(TreeSpan.class);
    found.forEach((role, span) -> tree.put(role, fields(span, links, serverPort)));
    ExportedSpan handler = found.get(TreeSpan.HANDLER);
    if (handler != null) {
      tree.get(TreeSpan.HANDLER).put(OTHER_SPANS, describe(unassigned.stream()
          .filter(span -> span.traceId().equals(handler.traceId())).toList()));
    }
    return tree;
  }

  /** The spans of {@code span}'s trace among {@code spans}, {@code span} itself left out, as {@link #OTHER_SPANS}. */
  static String otherSpans(List<ExportedSpan> spans, ExportedSpan span) {
    return describe(spans.stream()
        .filter(other -> other.traceId().equals(span.traceId()) && !other.spanId().equals(span.spanId())).toList());
  }

  private static String describe(List<ExportedSpan> others) {
    return others.isEmpty() ? "(none)"
        : others.stream().map(span -> span.name() + " (" + span.kind() + ")").collect(Collectors.joining(", "));
  }

  private static String orNone(String value) {
    return value.isEmpty() ? "(none)" : value;
  }

  static String parent(ExportedSpan span, Map<String, String> links) {
    if (!span.hasParent()) {
      return "none: a new trace";
    } else if (links.containsKey(span.parentSpanId())) {
      return links.get(span.parentSpanId());
    } else if (span.parentSpanId().equals(Scenario.REMOTE_SPAN_ID) && span.traceId().equals(Scenario.REMOTE_TRACE_ID)) {
      return "the traceparent's span";
    }
    return "another span";
  }

  static String value(String key, Object value) {
    return String.valueOf(Placeholders.replace(key, value));
  }

  /**
   * {@code value}, or its placeholder, as {@link #value(String, Object)}; but a {@code server.port} other than {@code
   * serverPort}, the port of the server the comparison called, shows as it is: the placeholder stands for that port
   * only, so a span that names another one does not pass for the same.
   */
  static String value(String key, Object value, int serverPort) {
    if (key.equals(SERVER_PORT.getKey()) && serverPort != ANY_PORT && !String.valueOf(serverPort).equals(String.valueOf(value))) {
      return String.valueOf(value);
    }
    return value(key, value);
  }

  private Normalizer() {}
}
