package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ClientProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import io.opentelemetry.example.autoinstrumentation.common.RealHandlerExpectations;
import io.opentelemetry.example.autoinstrumentation.common.RealHandlerExpectations.TraceSpan;
import io.opentelemetry.example.autoinstrumentation.common.RealHandlerExpectations.Tree;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code make client SERVER_URL=…/real_handler} against each mode as it runs for a user: one trace from the client
 * through the handler, its OkHttp call and the {@code /server_request} that answered it, and the H2 query that ran on
 * the application executor.
 */
class RealHandlerIT {

  @ParameterizedTest
  @EnumSource(Mode.class)
  void oneTraceFromTheClientThroughTheCallTheQueryAndTheExecutor(Mode mode) {
    ProcessOutput server;
    ProcessOutput client;
    int port;
    try (ServerProcess process = ServerProcess.start(mode, Map.of(), Duration.ofSeconds(60))) {
      port = process.port();
      client = ClientProcess.run(Map.of("SERVER_URL", process.uri("/real_handler").toString()), "testing");
      process.awaitSpans(4, Duration.ofSeconds(15));
      server = process.stop();
    }

    assertThat(client.exitCode()).as("client stderr: %s", client.stderr()).isZero();
    assertThat(client.stdout()).containsExactly("{\"server_request\":200,\"orders\":2}");
    assertThat(server.stdout()).contains("testing"); // printed by /server_request, which the handler called

    ExportedSpan call = client.spans().stream().filter(span -> span.kind().equals("CLIENT")).findFirst().orElseThrow();
    List<TraceSpan> spans = server.spans().stream().map(span -> new TraceSpan(span.traceId(), span.spanId(),
        span.parentSpanId(), span.name(), span.kind(), span.status(), span.attributes())).toList();
    Tree tree = RealHandlerExpectations.assertTree(spans, port, "testing");
    assertThat(tree.handler().traceId()).isEqualTo(call.traceId());
    assertThat(tree.handler().parentSpanId()).isEqualTo(call.spanId());
    // The executor hop: the query ran on an application thread, and its parent is still the handler's span.
    assertThat(tree.query().attributes().get("thread.name")).asString().startsWith("app-executor-");
    assertThat(tree.handler().attributes().get("thread.name")).asString().startsWith("qtp");
  }
}
