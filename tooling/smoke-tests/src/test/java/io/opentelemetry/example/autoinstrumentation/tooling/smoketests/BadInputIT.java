package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.JavaProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import io.opentelemetry.example.autoinstrumentation.tooling.smoketests.RawHttp.Answer;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bad input, served exactly as the server without telemetry serves it, with a valid span and no stack trace. Each
 * request carries {@code case=N} in its query, so its span can be found.
 */
class BadInputIT {

  static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  static final String VALID_TRACEPARENT = "traceparent: 00-" + TRACE_ID + "-b7ad6b7169203331-01";
  static final String BIG = "x".repeat(6000);

  /** The cases: a request line and headers; whether its span continues the traceparent's trace. */
  record Case(String requestLine, List<String> headers, boolean continuesTrace) {}

  static final Map<String, Case> CASES = new LinkedHashMap<>();

  static {
    put("malformed traceparent", "/server_request?param=x&case=1", false, "traceparent: 00-not-a-trace-01");
    put("truncated traceparent", "/server_request?param=x&case=2", false, "traceparent: 00-" + TRACE_ID + "-b7ad6b71");
    put("oversized traceparent", "/server_request?param=x&case=3", false, VALID_TRACEPARENT + "-" + BIG);
    put("version ff traceparent", "/server_request?param=x&case=4", false,
        "traceparent: ff-" + TRACE_ID + "-b7ad6b7169203331-01");
    put("tracestate with too many entries", "/server_request?param=x&case=5", true, VALID_TRACEPARENT,
        "tracestate: " + String.join(",", IntStream.range(0, 40).mapToObj(i -> "k" + i + "=v" + i).toList()));
    put("malformed tracestate", "/server_request?param=x&case=6", true, VALID_TRACEPARENT, "tracestate: ===,,@@,k=");
    put("empty param", "/server_request?param=&case=7", false);
    put("missing param", "/server_request?case=8", false);
    put("very long param", "/server_request?param=" + BIG + "&case=9", false);
    put("percent-encoded param", "/server_request?param=a%20b%2F%26c&case=10", false);
    put("non-ASCII param", "/server_request?param=%C3%A9t%C3%A9%E2%9C%93&case=11", false);
    put("very large captured header", "/server_request?param=x&case=12", false, "X-Big: " + BIG);
    CASES.put("credentials in the request target", new Case(
        "GET http://user:hunter2@127.0.0.1/server_request?param=x&case=13 HTTP/1.1", List.of(), false));
    CASES.put("unknown method", new Case("FOO /server_request?param=x&case=14 HTTP/1.1", List.of(), false));
  }

  static Map<String, Answer> plainAnswers;

  @BeforeAll
  static void askTheServerWithoutTelemetry() {
    List<String> plain = List.of(JavaProcess.javaExecutable(), "-jar", Mode.AUTOMATIC.jar(ProjectLayout.root()).toString());
    try (ServerProcess server = ServerProcess.start(Mode.AUTOMATIC, plain, Map.of(), Duration.ofSeconds(60))) {
      plainAnswers = send(server);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void servedAsWithoutTelemetryWithValidSpans(Mode mode) {
    Map<String, Answer> answers;
    ProcessOutput output;
    try (ServerProcess server = ServerProcess.start(mode,
        Map.of("OTEL_INSTRUMENTATION_HTTP_SERVER_CAPTURE_REQUEST_HEADERS", "X-Big"), Duration.ofSeconds(60))) {
      answers = send(server);
      server.awaitSpans(mode == Mode.MANUAL ? CASES.size() - 2 : CASES.size() - 1, Duration.ofSeconds(15));
      output = server.stop();
    }

    assertThat(answers).isEqualTo(plainAnswers);
    assertThat(output.stderr()).noneMatch(line -> line.contains("Exception") || line.startsWith("\tat "));
    assertThat(output.stdout()).noneMatch(line -> line.contains("Exception") || line.startsWith("\tat "));
    assertThat(String.join("\n", output.stderr())).doesNotContain("hunter2");
    CASES.forEach((name, testCase) -> {
      String marker = "case=" + (List.copyOf(CASES.keySet()).indexOf(name) + 1);
      List<ExportedSpan> spans = output.spans().stream()
          .filter(span -> String.valueOf(span.attribute("url.query")).endsWith(marker))
          .toList();
      if (name.equals("credentials in the request target")) {
        assertThat(spans).as(name + ": Jetty answers 400 before any handler or instrumentation runs").isEmpty();
        assertThat(plainAnswers.get(name).status()).isEqualTo(400);
        return;
      }
      if (mode == Mode.MANUAL && name.equals("unknown method")) {
        assertThat(spans).as(name + ": manual's span is inside its GET route, which Spark does not call").isEmpty();
        return;
      }
      assertThat(spans).as(name).singleElement().satisfies(span -> {
        assertThat(span.traceId()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        assertThat(span.spanId()).matches("[0-9a-f]{16}").isNotEqualTo("0".repeat(16));
        assertThat(span.traceId().equals(TRACE_ID)).as(name + " continues the trace").isEqualTo(testCase.continuesTrace());
        assertThat(span.kind()).isEqualTo("SERVER");
        assertThat(span.name()).isEqualTo(name.equals("unknown method") ? "HTTP" : "GET /server_request");
        // a tracestate that breaks the W3C rules is dropped whole, the trace kept
        assertThat(span.traceState()).as(name).isEmpty();
      });
      if (name.equals("unknown method")) {
        assertThat(spans.get(0).name()).isEqualTo("HTTP");
        assertThat(spans.get(0).attributes())
            .containsEntry("http.request.method", "_OTHER")
            .containsEntry("http.request.method_original", "FOO")
            .containsEntry("http.response.status_code", 404L)
            .doesNotContainKey("http.route");
      }
      if (name.equals("very large captured header")) { // manual's spans capture no header: upstream's default
        assertThat(spans.get(0).attributes().get("http.request.header.x-big")).isEqualTo(mode == Mode.MANUAL ? null : List.of(BIG));
      }
    });
  }

  private static void put(String name, String target, boolean continuesTrace, String... headers) {
    CASES.put(name, new Case("GET " + target + " HTTP/1.1", List.of(headers), continuesTrace));
  }

  private static Map<String, Answer> send(ServerProcess server) {
    Map<String, Answer> answers = new LinkedHashMap<>();
    CASES.forEach((name, testCase) ->
        answers.put(name, RawHttp.exchange(server, testCase.requestLine(), testCase.headers().toArray(String[]::new))));
    return answers;
  }
}
