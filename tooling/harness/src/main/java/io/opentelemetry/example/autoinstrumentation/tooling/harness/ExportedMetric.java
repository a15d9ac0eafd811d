package io.opentelemetry.example.autoinstrumentation.tooling.harness;

import java.util.List;
import java.util.Map;

/**
 * One metric as a process exported it over OTLP: its instrumentation scope's name, version and schema URL ("" when
 * unset), its name, description and unit, its type ({@code histogram}, {@code sum}, {@code gauge}, ...) with its
 * temporality where it has one ({@code histogram, cumulative}), and its data points.
 */
public record ExportedMetric(
    String scope,
    String scopeVersion,
    String schemaUrl,
    String name,
    String description,
    String unit,
    String type,
    List<Point> points) {

  /**
   * One data point: its attributes (values as String, Long, Double, Boolean or List), and for a histogram the number
   * of values it recorded and its bucket boundaries (0 and none for other types).
   */
  public record Point(Map<String, Object> attributes, long count, List<Double> boundaries) {}
}
