package io.opentelemetry.example.autoinstrumentation.tooling.harness;

import static io.opentelemetry.semconv.ServiceAttributes.SERVICE_NAME;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;
import java.util.Map;

/**
 * One span as a process exported it in OTLP JSON: ids as hex strings, kind and status as their names, attribute values
 * as String, Long, Double, Boolean or List; its instrumentation scope's name, version and schema URL ("" when unset);
 * its start and end in nanoseconds since the epoch (0 when unknown).
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
    String traceState,
    long startEpochNanos,
    long endEpochNanos) {

  /** A span without times, as tests write them. */
  public ExportedSpan(Map<String, Object> resource, String scope, String scopeVersion, String schemaUrl, String traceId,
      String spanId, String parentSpanId, String name, String kind, String status, Map<String, Object> attributes,
      List<String> events, String traceState) {
    this(resource, scope, scopeVersion, schemaUrl, traceId, spanId, parentSpanId, name, kind, status, attributes, events,
        traceState, 0, 0);
  }

  public boolean hasParent() {
    return parentSpanId != null && !parentSpanId.isEmpty();
  }

  public Object attribute(String key) {
    return attributes.get(key);
  }

  public Object attribute(AttributeKey<?> key) {
    return attributes.get(key.getKey());
  }

  /** The {@code service.name} of the process that exported it. */
  public String service() {
    return String.valueOf(resource.getOrDefault(SERVICE_NAME.getKey(), "(unknown service)"));
  }

  public long durationNanos() {
    return endEpochNanos - startEpochNanos;
  }
}
