package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static io.opentelemetry.semconv.incubating.ThreadIncubatingAttributes.THREAD_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.opentelemetry.example.autoinstrumentation.common.RealHandlerExpectations;
import io.opentelemetry.example.autoinstrumentation.common.RealHandlerExpectations.TraceSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess.ServerStartException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real handler's executor hop on virtual threads, in every mode, where the JDK has them (21 and newer): whether the
 * query's span is still a child of the handler's SERVER span, or starts a trace of its own. Each server wires the
 * executor as it always does; only {@code EXECUTOR} changes. The SDK modes hand the context over with each task
 * themselves, so the kind of thread makes no difference; the agent carries it through the executors it instruments,
 * the JDK's executor of virtual threads among them, but not into a thread started by hand
 * (opentelemetry-java-instrumentation#11950).
 */
class VirtualThreadsIT {

  static Stream<Arguments> everyModeOnBothKinds() {
    return Stream.of(
        arguments(Mode.MANUAL, "virtual", true),
        arguments(Mode.MANUAL, "start-virtual-thread", true),
        arguments(Mode.PROGRAMMATIC, "virtual", true),
        arguments(Mode.PROGRAMMATIC, "start-virtual-thread", true),
        arguments(Mode.AUTOMATIC, "virtual", true),
        arguments(Mode.AUTOMATIC, "start-virtual-thread", false));
  }

  @ParameterizedTest(name = "{0}, EXECUTOR={1}")
  @MethodSource("everyModeOnBothKinds")
  @EnabledForJreRange(min = JRE.JAVA_21)
  void theQueryOnAVirtualThreadKeepsItsParentUnlessTheAgentMissesTheHop(Mode mode, String executor, boolean carried)
      throws Exception {
    List<TraceSpan> spans;
    int port;
    try (ServerProcess server = ServerProcess.start(mode, Map.of("EXECUTOR", executor), Duration.ofSeconds(60))) {
      port = server.port();
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(server.uri("/real_handler?param=testing")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).isEqualTo("{\"server_request\":200,\"orders\":2}");
      spans = server.awaitSpans(4, Duration.ofSeconds(15)).stream().map(span -> new TraceSpan(span.traceId(),
          span.spanId(), span.parentSpanId(), span.name(), span.kind(), span.status(), span.attributes())).toList();
      server.stop();
    }

    TraceSpan handler = only(spans, "GET /real_handler");
    TraceSpan query = only(spans, "SELECT orders.orders");
    // A virtual thread has no name unless it is given one: not the platform pool's app-executor-N, nor Jetty's qtp…
    assertThat(String.valueOf(query.attributes().get(THREAD_NAME.getKey()))).doesNotStartWith("app-executor-")
        .doesNotStartWith("qtp");
    if (carried) {
      RealHandlerExpectations.assertTree(spans, port, "testing"); // the query's parent is the handler's span among them
    } else {
      assertThat(query.parentSpanId()).as("the query's parent: none, a trace of its own").isEmpty();
      assertThat(query.traceId()).isNotEqualTo(handler.traceId());
    }
  }

  /** Where the JDK has no virtual threads, asking for them is bad input: one line, and the server does not start. */
  @Test
  @EnabledForJreRange(max = JRE.JAVA_20)
  void withoutVirtualThreadsTheServerRefusesToStart() {
    assertThat(catchThrowable(() ->
        ServerProcess.start(Mode.MANUAL, Map.of("EXECUTOR", "virtual"), Duration.ofSeconds(60)).close()))
        .isInstanceOf(ServerStartException.class)
        .hasMessageContaining("exited with code 2")
        .hasMessageEndingWith("error: virtual threads need JDK 21 or newer; this is JDK "
            + Runtime.version().feature());
  }

  private static TraceSpan only(List<TraceSpan> spans, String name) {
    assertThat(spans).filteredOn(span -> span.name().equals(name)).as("spans named %s", name).hasSize(1);
    return spans.stream().filter(span -> span.name().equals(name)).findFirst().orElseThrow();
  }
}
