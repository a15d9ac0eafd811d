package io.opentelemetry.example.autoinstrumentation.client.compare;

import io.opentelemetry.example.autoinstrumentation.client.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.client.harness.Placeholders;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a span into the fields the comparison shows, with what varies from run to run replaced: ids become links
 * ("the client's CLIENT span"), ports and thread ids placeholders, and timestamps are dropped.
 */
final class Normalizer {

  static final String ABSENT = "(no span)";

  /**
   * The fields of a server span: name, kind, status, parent, trace state, events, instrumentation scope (name, version,
   * schema URL), then one per attribute.
   *
   * @param clientSpanId the span id of the client's CLIENT span in the seed scenario, or null
   */
  static Map<String, String> fields(ExportedSpan span, String clientSpanId) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", span.name());
    fields.put("kind", span.kind());
    fields.put("status", span.status());
    fields.put("parent", parent(span, clientSpanId));
    fields.put("tracestate", span.traceState().isEmpty() ? "(none)" : span.traceState());
    fields.put("events", span.events().isEmpty() ? "(none)" : String.join(", ", span.events()));
    fields.put("scope", span.scope());
    fields.put("scope.version", orNone(span.scopeVersion()));
    fields.put("schema url", orNone(span.schemaUrl()));
    span.attributes().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(entry -> fields.put(entry.getKey(), value(entry.getKey(), entry.getValue())));
    return fields;
  }

  private static String orNone(String value) {
    return value.isEmpty() ? "(none)" : value;
  }

  static String parent(ExportedSpan span, String clientSpanId) {
    if (!span.hasParent()) {
      return "none: a new trace";
    } else if (span.parentSpanId().equals(clientSpanId)) {
      return "the client's CLIENT span";
    } else if (span.parentSpanId().equals(Scenario.REMOTE_SPAN_ID) && span.traceId().equals(Scenario.REMOTE_TRACE_ID)) {
      return "the traceparent's span";
    }
    return "another span";
  }

  static String value(String key, Object value) {
    return String.valueOf(Placeholders.replace(key, value));
  }

  private Normalizer() {}
}
