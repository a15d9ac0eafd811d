package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_METHOD;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_RESPONSE_STATUS_CODE;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_ROUTE;
import static io.opentelemetry.semconv.UrlAttributes.URL_SCHEME;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedMetric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a mode's programs exported as metrics, as the comparison's fields: {@code http.server.request.duration} in full
 * (its description, unit, type, scope, bucket boundaries, every data point's attributes and count, and its recordings
 * against the requests sent), and the runtime metrics ({@code jvm.*}) by name. Metrics are cumulative, so the last
 * export of a program holds all it recorded.
 */
final class MetricRows {

  static final String REQUEST_DURATION = "http.server.request.duration";
  /** The section of the runtime metrics. */
  static final String RUNTIME = "jvm";
  /** The value of every field of a metric that a mode did not export. */
  static final String NO_METRIC = "(no metric)";
  static final String RECORDINGS = "recordings";
  private static final Pattern RECORDINGS_VALUE = Pattern.compile("(\\d+) for (\\d+) requests?");

  /** Each metric's last export by one program: cumulative, it holds everything the program recorded. */
  static Map<String, ExportedMetric> lastExports(List<ExportedMetric> received) {
    Map<String, ExportedMetric> last = new LinkedHashMap<>();
    received.forEach(metric -> last.put(metric.name(), metric));
    return last;
  }

  /**
   * The fields of {@code http.server.request.duration} as one mode's programs exported it, or null when none did.
   *
   * @param programs per program of the mode, the last export of each metric
   * @param requests how many requests the comparison sent to the mode's programs, a nested one included
   */
  static Map<String, String> requestDuration(List<Map<String, ExportedMetric>> programs, int requests) {
    List<ExportedMetric> exported = programs.stream().map(program -> program.get(REQUEST_DURATION))
        .filter(Objects::nonNull).toList();
    if (exported.isEmpty()) {
      return null;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("type", distinct(exported, ExportedMetric::type));
    fields.put("unit", distinct(exported, ExportedMetric::unit));
    fields.put("description", distinct(exported, ExportedMetric::description));
    fields.put("scope", distinct(exported, ExportedMetric::scope));
    fields.put("scope.version", distinct(exported, metric -> orNone(metric.scopeVersion())));
    fields.put("schema url", distinct(exported, metric -> orNone(metric.schemaUrl())));
    List<ExportedMetric.Point> points = exported.stream().flatMap(metric -> metric.points().stream()).toList();
    fields.put("bucket boundaries", points.stream().map(point -> boundaries(point.boundaries())).distinct()
        .collect(Collectors.joining(" | ")));
    long recordings = points.stream().mapToLong(ExportedMetric.Point::count).sum();
    fields.put(RECORDINGS, recordings + " for " + requests + (requests == 1 ? " request" : " requests"));
    Map<String, List<ExportedMetric.Point>> byKey = new TreeMap<>();
    points.forEach(point -> byKey.computeIfAbsent(key(point), key -> new ArrayList<>()).add(point));
    byKey.forEach((key, samePoint) -> {
      // one program's points never share a key; two programs' could, and then count as one
      Map<String, Object> attributes = new TreeMap<>(samePoint.get(0).attributes());
      attributes.forEach((name, value) -> fields.put(key + " · " + name, Normalizer.value(name, value)));
      fields.put(key + " · count", String.valueOf(samePoint.stream().mapToLong(ExportedMetric.Point::count).sum()));
    });
    return fields;
  }

  /** The runtime metrics one mode's server exported, by name, each with its unit and type; none is an empty map. */
  static Map<String, String> runtime(Map<String, ExportedMetric> server) {
    Map<String, String> fields = new TreeMap<>();
    server.values().stream().filter(metric -> metric.name().startsWith("jvm."))
        .forEach(metric -> fields.put(metric.name(), metric.unit() + ", " + metric.type()));
    return fields;
  }

  /** Whether a {@link #RECORDINGS} value says that every request was recorded once. */
  static boolean recordedOncePerRequest(String value) {
    Matcher matcher = RECORDINGS_VALUE.matcher(value);
    return matcher.matches() && matcher.group(1).equals(matcher.group(2));
  }

  /**
   * A data point's name in the rows: its method, route, status and scheme, the attributes that tell requests apart (a
   * proxy's {@code X-Forwarded-Proto: https} makes a point of its own).
   */
  static String key(ExportedMetric.Point point) {
    Map<String, Object> attributes = point.attributes();
    return attributes.getOrDefault(HTTP_REQUEST_METHOD.getKey(), "(no method)") + " "
        + attributes.getOrDefault(HTTP_ROUTE.getKey(), "(no route)") + " "
        + attributes.getOrDefault(HTTP_RESPONSE_STATUS_CODE.getKey(), "(no status)") + " "
        + attributes.getOrDefault(URL_SCHEME.getKey(), "(no scheme)");
  }

  private static String boundaries(List<Double> boundaries) {
    return boundaries.stream().map(bound -> String.format(Locale.ROOT, "%s", bound).replaceAll("\\.0$", ""))
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static String distinct(List<ExportedMetric> metrics, Function<ExportedMetric, String> field) {
    return metrics.stream().map(field).distinct().collect(Collectors.joining(" | "));
  }

  private static String orNone(String value) {
    return value.isEmpty() ? "(none)" : value;
  }

  private MetricRows() {}
}
