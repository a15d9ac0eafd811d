package io.opentelemetry.example.autoinstrumentation.client.harness;

import java.util.List;
import java.util.Map;

/**
 * One span as a process exported it in OTLP JSON: ids as hex strings, kind and status as their names, attribute values
 * as String, Long, Double, Boolean or List; its instrumentation scope's name, version and schema URL ("" when unset).
 */
public record ExportedSpan(
    Map<String, Object> resource,
    String scope,
    String scopeVersion,
    String schemaUrl,
    String traceId,
    String spanId,
    String parentSpanId,
    String name,
    String kind,
    String status,
    Map<String, Object> attributes,
    List<String> events,
    String traceState) {

  public boolean hasParent() {
    return parentSpanId != null && !parentSpanId.isEmpty();
  }

  public Object attribute(String key) {
    return attributes.get(key);
  }
}
