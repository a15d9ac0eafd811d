package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompareTest {

  private static final List<Scenario> SCENARIOS = List.of(Scenario.PYTHON_EXAMPLE, Scenario.NOT_FOUND);

  @Test
  void eachRequestCountsItsServerSpans() {
    Map<String, Map<String, String>> spans = Compare.serverSpans(
        List.of(server("1111111111111111", "/server_request", "param=testing"), server("2222222222222222", "/no_such_route", null)),
        SCENARIOS, scenario -> null, Normalizer.ANY_PORT, Targets.OF_SPANS);

    assertThat(spans).containsOnlyKeys(Scenario.PYTHON_EXAMPLE.name(), Scenario.NOT_FOUND.name());
    assertThat(spans.get(Scenario.PYTHON_EXAMPLE.name())).containsEntry(Normalizer.SERVER_SPANS, "1");
  }

  /** An agent on a server with its own SDK answers each request under two nested SERVER spans: not the same. */
  @Test
  void aRequestUnderTwoServerSpansShowsBoth() {
    Map<String, Map<String, String>> once = Compare.serverSpans(
        List.of(server("1111111111111111", "/server_request", "param=testing")), SCENARIOS, scenario -> null, Normalizer.ANY_PORT, Targets.OF_SPANS);
    Map<String, Map<String, String>> twice = Compare.serverSpans(
        List.of(server("1111111111111111", "/server_request", "param=testing"),
            server("2222222222222222", "/server_request", "param=testing")), SCENARIOS, scenario -> null, Normalizer.ANY_PORT, Targets.OF_SPANS);

    assertThat(twice.get(Scenario.PYTHON_EXAMPLE.name())).containsEntry(Normalizer.SERVER_SPANS, "2");
    assertThat(twice.get(Scenario.PYTHON_EXAMPLE.name())).isNotEqualTo(once.get(Scenario.PYTHON_EXAMPLE.name()));
  }

  /** A span the agent does not make for the request, an INTERNAL one in its trace, must not compare as same either. */
  @Test
  void aSpanBesideTheServerSpanShows() {
    ExportedSpan serverSpan = server("1111111111111111", "/server_request", "param=testing");
    Map<String, Map<String, String>> alone = Compare.serverSpans(
        List.of(serverSpan, span("another trace", "3333333333333333", "INTERNAL")), SCENARIOS, scenario -> null,
        Normalizer.ANY_PORT, Targets.OF_SPANS);
    Map<String, Map<String, String>> withAnother = Compare.serverSpans(
        List.of(serverSpan, span("1111111111111111", "3333333333333333", "INTERNAL")), SCENARIOS, scenario -> null,
        Normalizer.ANY_PORT, Targets.OF_SPANS);

    assertThat(alone.get(Scenario.PYTHON_EXAMPLE.name())).containsEntry(Normalizer.OTHER_SPANS, "(none)");
    assertThat(withAnother.get(Scenario.PYTHON_EXAMPLE.name())).containsEntry(Normalizer.OTHER_SPANS, "work (INTERNAL)");
  }

  private static ExportedSpan server(String spanId, String path, String query) {
    Map<String, Object> attributes = query == null ? Map.of("url.path", path) : Map.of("url.path", path, "url.query", query);
    return new ExportedSpan(Map.of(), "scope", "", "", "1111111111111111", spanId, "", "GET " + path, "SERVER", "UNSET",
        attributes, List.of(), "");
  }

  private static ExportedSpan span(String traceId, String spanId, String kind) {
    return new ExportedSpan(Map.of(), "scope", "", "", traceId, spanId, "", "work", kind, "UNSET", Map.of(), List.of(), "");
  }
}
