package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
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

  /** The placeholder stands for the port of the server that was called: a span that names another port shows it. */
  @Test
  void aServerPortOtherThanTheServersShowsAsItIs() {
    assertThat(Normalizer.value("server.port", 8082L, 8082)).isEqualTo("<port>");
    assertThat(Normalizer.value("server.port", 50211L, 8082)).isEqualTo("50211");
    assertThat(Normalizer.value("network.peer.port", 50211L, 8082)).isEqualTo("<port>"); // the caller's, any
    assertThat(Normalizer.value("server.port", 50211L, Normalizer.ANY_PORT)).isEqualTo("<port>");
  }

  @Test
  void idsBecomeLinks() {
    Map<String, String> client = Map.of("aaaaaaaaaaaaaaaa", Normalizer.CLIENT_SPAN);
    assertThat(Normalizer.parent(span("", "1111111111111111"), client)).isEqualTo("none: a new trace");
    assertThat(Normalizer.parent(span("aaaaaaaaaaaaaaaa", "1111111111111111"), client))
        .isEqualTo("the client's CLIENT span");
    assertThat(Normalizer.parent(span(Scenario.REMOTE_SPAN_ID, Scenario.REMOTE_TRACE_ID), Map.of()))
        .isEqualTo("the traceparent's span");
    assertThat(Normalizer.parent(span("bbbbbbbbbbbbbbbb", "1111111111111111"), client)).isEqualTo("another span");
  }

  @Test
  void treeSpansAreFoundByWhatTheyAreAndTheirParentsNamedByRole() {
    List<ExportedSpan> spans = List.of(
        treeSpan("h", "c", "GET /real_handler", "SERVER", Map.of("url.path", "/real_handler", "url.query", "param=hello")),
        treeSpan("q", "h", "SELECT orders.orders", "CLIENT", Map.of("db.system", "h2")),
        treeSpan("o", "h", "GET", "CLIENT", Map.of("url.full", "http://127.0.0.1:1234/server_request?param=hello")),
        treeSpan("n", "o", "GET /server_request", "SERVER", Map.of("url.path", "/server_request", "url.query", "param=hello")),
        // the Python example's request to the same server, in a trace of its own
        new ExportedSpan(Map.of(), "scope", "", "", "3333333333333333", "p", "x", "GET /server_request", "SERVER", "UNSET",
            Map.of("url.path", "/server_request", "url.query", "param=testing"), List.of(), ""));

    Map<TreeSpan, Map<String, String>> tree = Normalizer.tree(Lineup.MODES, Targets.OF_SPANS, spans, "hello", "c", Normalizer.ANY_PORT);

    assertThat(tree).containsOnlyKeys(TreeSpan.values());
    assertThat(tree.get(TreeSpan.HANDLER)).containsEntry("parent", "the client's CLIENT span")
        .containsEntry(Normalizer.OTHER_SPANS, "(none)");
    assertThat(tree.get(TreeSpan.HTTP_CLIENT)).containsEntry("parent", "the SERVER span of /real_handler")
        .containsEntry("url.full", "http://127.0.0.1:<port>/server_request?param=hello");
    assertThat(tree.get(TreeSpan.NESTED_SERVER)).containsEntry("parent", "the OkHttp CLIENT span");
    assertThat(tree.get(TreeSpan.QUERY)).containsEntry("parent", "the SERVER span of /real_handler");
  }

  @Test
  void aQueryThatLostItsContextStartsANewTraceAndAnExtraSpanIsListed() {
    List<ExportedSpan> spans = List.of(
        treeSpan("h", "", "GET /real_handler", "SERVER", Map.of("url.path", "/real_handler")),
        treeSpan("e", "h", "executor step", "INTERNAL", Map.of()),
        new ExportedSpan(Map.of(), "scope", "", "", "2222222222222222", "q", "", "SELECT orders.orders", "CLIENT", "UNSET",
            Map.of("db.system", "h2"), List.of(), ""));

    Map<TreeSpan, Map<String, String>> tree = Normalizer.tree(Lineup.MODES, Targets.OF_SPANS, spans, "hello", null, Normalizer.ANY_PORT);

    assertThat(tree).containsOnlyKeys(TreeSpan.HANDLER, TreeSpan.QUERY);
    assertThat(tree.get(TreeSpan.QUERY)).containsEntry("parent", "none: a new trace");
    assertThat(tree.get(TreeSpan.HANDLER)).containsEntry(Normalizer.OTHER_SPANS, "executor step (INTERNAL)");
  }

  @Test
  void fieldsLeadWithTheSpanThenSortedAttributesWithoutTimestamps() {
    ExportedSpan span = new ExportedSpan(Map.of(), "scope", "1.0", "", "1111111111111111", "2222222222222222", "", "GET",
        "SERVER", "UNSET", Map.of("url.path", "/x", "client.address", "127.0.0.1"), List.of("exception"), "");

    assertThat(Normalizer.fields(span, (String) null))
        .containsExactly(entry("name", "GET"), entry("kind", "SERVER"), entry("status", "UNSET"),
            entry("parent", "none: a new trace"), entry("tracestate", "(none)"), entry("events", "exception"),
            entry("scope", "scope"), entry("scope.version", "1.0"), entry("schema url", "(none)"),
            entry("client.address", "127.0.0.1"), entry("url.path", "/x"));
  }

  @Test
  void scenariosAreRecognisedByPathAndQueryEvenRedacted() {
    assertThat(Scenario.of("/server_request", "param=testing")).isEqualTo(Scenario.PYTHON_EXAMPLE);
    assertThat(Scenario.of("/no_such_route", null)).isEqualTo(Scenario.NOT_FOUND);
    assertThat(Scenario.of("/server_request", "param=signed&sig=REDACTED")).isEqualTo(Scenario.SENSITIVE_QUERY);
    assertThat(Scenario.of("/server_request", "param=signed&sig=s2")).as("shown, not hidden").isEqualTo(Scenario.SENSITIVE_QUERY);
    assertThat(Scenario.of("/fail/error", null)).isEqualTo(Scenario.ERROR);
    assertThat(Scenario.of("/server_request", "param=other")).isNull();
    // the real handler's nested call is not the Python example's request
    assertThat(Scenario.of("/server_request", "param=" + Scenario.REAL_HANDLER.param())).isNull();
    assertThat(Scenario.REAL_HANDLER.path()).isEqualTo("/real_handler");
  }

  /** A span of trace 1111…, with short ids that only need to link. */
  private static ExportedSpan treeSpan(String spanId, String parentSpanId, String name, String kind, Map<String, Object> attributes) {
    return new ExportedSpan(Map.of(), "scope", "", "", "1111111111111111", spanId, parentSpanId, name, kind, "UNSET",
        attributes, List.of(), "");
  }

  private static ExportedSpan span(String parentSpanId, String traceId) {
    return new ExportedSpan(Map.of(), "scope", "", "", traceId, "3333333333333333", parentSpanId, "GET /server_request",
        "SERVER", "UNSET", Map.of(), List.of(), "");
  }
}
