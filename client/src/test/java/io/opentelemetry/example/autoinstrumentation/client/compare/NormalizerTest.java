package io.opentelemetry.example.autoinstrumentation.client.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.opentelemetry.example.autoinstrumentation.client.harness.ExportedSpan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NormalizerTest {

  @Test
  void runToRunValuesBecomePlaceholders() {
    assertThat(Normalizer.value("server.port", 43127L)).isEqualTo("<port>");
    assertThat(Normalizer.value("network.peer.port", 50211L)).isEqualTo("<port>");
    assertThat(Normalizer.value("thread.id", 23L)).isEqualTo("<thread id>");
    assertThat(Normalizer.value("thread.name", "qtp21118066-23")).isEqualTo("qtpN-N");
    assertThat(Normalizer.value("http.request.header.x-custom", List.of("one", "two"))).isEqualTo("[one, two]");
    assertThat(Normalizer.value("http.response.status_code", 200L)).isEqualTo("200");
  }

  @Test
  void idsBecomeLinks() {
    assertThat(Normalizer.parent(span("", "1111111111111111"), "aaaaaaaaaaaaaaaa")).isEqualTo("none: a new trace");
    assertThat(Normalizer.parent(span("aaaaaaaaaaaaaaaa", "1111111111111111"), "aaaaaaaaaaaaaaaa"))
        .isEqualTo("the client's CLIENT span");
    assertThat(Normalizer.parent(span(Scenario.REMOTE_SPAN_ID, Scenario.REMOTE_TRACE_ID), null))
        .isEqualTo("the traceparent's span");
    assertThat(Normalizer.parent(span("bbbbbbbbbbbbbbbb", "1111111111111111"), "aaaaaaaaaaaaaaaa")).isEqualTo("another span");
  }

  @Test
  void fieldsLeadWithTheSpanThenSortedAttributesWithoutTimestamps() {
    ExportedSpan span = new ExportedSpan(Map.of(), "scope", "1.0", "", "1111111111111111", "2222222222222222", "", "GET",
        "SERVER", "UNSET", Map.of("url.path", "/x", "client.address", "127.0.0.1"), List.of("exception"), "");

    assertThat(Normalizer.fields(span, null))
        .containsExactly(entry("name", "GET"), entry("kind", "SERVER"), entry("status", "UNSET"),
            entry("parent", "none: a new trace"), entry("tracestate", "(none)"), entry("events", "exception"),
            entry("scope", "scope"), entry("scope.version", "1.0"), entry("schema url", "(none)"),
            entry("client.address", "127.0.0.1"), entry("url.path", "/x"));
  }

  @Test
  void scenariosAreRecognisedByPathAndQueryEvenRedacted() {
    assertThat(Scenario.of("/server_request", "param=testing")).isEqualTo(Scenario.PYTHON_EXAMPLE);
    assertThat(Scenario.of("/no_such_route", null)).isEqualTo(Scenario.NOT_FOUND);
    assertThat(Scenario.of("/server_request", "param=x&sig=REDACTED")).isEqualTo(Scenario.SENSITIVE_QUERY);
    assertThat(Scenario.of("/fail/error", null)).isEqualTo(Scenario.ERROR);
    assertThat(Scenario.of("/server_request", "param=other")).isNull();
  }

  private static ExportedSpan span(String parentSpanId, String traceId) {
    return new ExportedSpan(Map.of(), "scope", "", "", traceId, "3333333333333333", parentSpanId, "GET /server_request",
        "SERVER", "UNSET", Map.of(), List.of(), "");
  }
}
