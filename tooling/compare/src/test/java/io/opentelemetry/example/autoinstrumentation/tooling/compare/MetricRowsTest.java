package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedMetric;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request-duration metric of a mode's two programs, as the comparison's fields. */
class MetricRowsTest {

  static final List<Double> BOUNDS = List.of(0.005, 0.01, 2.5, 10.0);

  @Test
  void thePointsOfBothProgramsAreCountedAgainstTheRequests() {
    Map<String, String> fields = MetricRows.requestDuration(List.of(
        program(point("GET", "/server_request", 200, 6), point("GET", null, 404, 1)),
        program(point("GET", "/fail/halt", 401, 1))), 8);

    assertThat(fields)
        .containsEntry("type", "histogram, cumulative")
        .containsEntry("bucket boundaries", "[0.005, 0.01, 2.5, 10]")
        .containsEntry(MetricRows.RECORDINGS, "8 for 8 requests")
        .containsEntry("GET /server_request 200 http · count", "6")
        .containsEntry("GET /server_request 200 http · http.route", "/server_request")
        .containsEntry("GET (no route) 404 http · count", "1")
        .containsEntry("GET /fail/halt 401 http · http.response.status_code", "401");
    assertThat(MetricRows.recordedOncePerRequest(fields.get(MetricRows.RECORDINGS))).isTrue();
    assertThat(MetricRows.recordedOncePerRequest("7 for 8 requests")).isFalse();
  }

  /** A request a proxy says came over https is a point of its own, compared in rows of its own. */
  @Test
  void pointsThatDifferInSchemeAreRowsOfTheirOwn() {
    ExportedMetric.Point proxied = point("GET", "/server_request", 200, 1);
    proxied.attributes().put("url.scheme", "https");
    Map<String, String> fields = MetricRows.requestDuration(List.of(
        program(point("GET", "/server_request", 200, 6), proxied)), 7);

    assertThat(fields)
        .containsEntry("GET /server_request 200 http · count", "6")
        .containsEntry("GET /server_request 200 https · count", "1")
        .containsEntry("GET /server_request 200 https · url.scheme", "https");
  }

  @Test
  void aModeWithoutTheMetricHasNoFields() {
    assertThat(MetricRows.requestDuration(List.of(Map.of(), Map.of()), 13)).isNull();
  }

  @Test
  void theLastExportOfAProgramIsTheOneThatCounts() {
    ExportedMetric early = metric(point("GET", "/server_request", 200, 2));
    ExportedMetric late = metric(point("GET", "/server_request", 200, 6));

    assertThat(MetricRows.lastExports(List.of(early, late))).containsExactly(Map.entry(MetricRows.REQUEST_DURATION, late));
  }

  private static Map<String, ExportedMetric> program(ExportedMetric.Point... points) {
    return Map.of(MetricRows.REQUEST_DURATION, metric(points));
  }

  private static ExportedMetric metric(ExportedMetric.Point... points) {
    return new ExportedMetric("io.opentelemetry.jetty-8.0", "2.31.1-alpha", "https://opentelemetry.io/schemas/1.41.0",
        MetricRows.REQUEST_DURATION, "Duration of HTTP server requests.", "s", "histogram, cumulative", List.of(points));
  }

  private static ExportedMetric.Point point(String method, String route, long status, long count) {
    Map<String, Object> attributes = new java.util.TreeMap<>(Map.of(
        "http.request.method", method, "http.response.status_code", status, "url.scheme", "http"));
    if (route != null) {
      attributes.put("http.route", route);
    }
    return new ExportedMetric.Point(attributes, count, BOUNDS);
  }
}
