package io.opentelemetry.example.autoinstrumentation.client.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.client.harness.ExportedSpan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompareTest {

  private static final List<Scenario> SCENARIOS = List.of(Scenario.PYTHON_EXAMPLE, Scenario.NOT_FOUND);

  @Test
  void eachRequestCountsItsServerSpans() {
    Map<String, Map<String, String>> spans = Compare.serverSpans(
        List.of(server("1111111111111111", "/server_request", "param=testing"), server("2222222222222222", "/no_such_route", null)),
        SCENARIOS, scenario -> null, Normalizer.ANY_PORT);

    assertThat(spans).containsOnlyKeys(Scenario.PYTHON_EXAMPLE.name(), Scenario.NOT_FOUND.name());
    assertThat(spans.get(Scenario.PYTHON_EXAMPLE.name())).containsEntry(Normalizer.SERVER_SPANS, "1");
  }

  /** An agent on a server with its own SDK answers each request under two nested SERVER spans: not the same. */
  @Test
  void aRequestUnderTwoServerSpansShowsBoth() {
    Map<String, Map<String, String>> once = Compare.serverSpans(
        List.of(server("1111111111111111", "/server_request", "param=testing")), SCENARIOS, scenario -> null, Normalizer.ANY_PORT);
    Map<String, Map<String, String>> twice = Compare.serverSpans(
        List.of(server("1111111111111111", "/server_request", "param=testing"),
            server("2222222222222222", "/server_request", "param=testing")), SCENARIOS, scenario -> null, Normalizer.ANY_PORT);

    assertThat(twice.get(Scenario.PYTHON_EXAMPLE.name())).containsEntry(Normalizer.SERVER_SPANS, "2");
    assertThat(twice.get(Scenario.PYTHON_EXAMPLE.name())).isNotEqualTo(once.get(Scenario.PYTHON_EXAMPLE.name()));
  }

  private static ExportedSpan server(String spanId, String path, String query) {
    Map<String, Object> attributes = query == null ? Map.of("url.path", path) : Map.of("url.path", path, "url.query", query);
    return new ExportedSpan(Map.of(), "scope", "", "", "1111111111111111", spanId, "", "GET " + path, "SERVER", "UNSET",
        attributes, List.of(), "");
  }
}
