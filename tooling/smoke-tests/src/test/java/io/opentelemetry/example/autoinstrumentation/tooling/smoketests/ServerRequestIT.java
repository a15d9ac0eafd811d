package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import io.opentelemetry.example.autoinstrumentation.common.ServerSpanExpectations;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each mode as it runs for a user, a child JVM (the agent's included), checked against the expectations all share. */
class ServerRequestIT {

  @ParameterizedTest
  @EnumSource(Mode.class)
  void successfulGetRequestWithParent(Mode mode) throws Exception {
    ProcessOutput output;
    int port;
    try (ServerProcess server = ServerProcess.start(mode, Map.of(), Duration.ofSeconds(60))) {
      port = server.port();
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(server.uri("/server_request?param=testing&sig=secret"))
              .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
              .timeout(Duration.ofSeconds(10))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).isEqualTo("served");
      server.awaitSpans(1, Duration.ofSeconds(10));
      output = server.stop();
    }

    // The address the server announced (it bound a port the system chose), then the route's print; Logback's lines aside.
    assertThat(output.stdout()).filteredOn(line -> !line.startsWith("["))
        .containsExactly("Listening on http://127.0.0.1:" + port + "/", "testing");
    assertThat(output.spans()).singleElement().satisfies(span -> {
      // The route's log line carries the ids of the request's SERVER span: the agent's MDC instrumentation put them
      // there, or upstream's Logback MDC library in the SDK modes.
      assertThat(output.stdout()).filteredOn(line -> line.endsWith(" - served param=testing")).singleElement().asString()
          .contains(" trace_id=" + span.traceId() + " span_id=" + span.spanId() + " trace_flags=01 ");
      ServerSpanExpectations.assertServerRequestSpan(
          span.name(), span.kind(), span.status(), span.attributes(), port, "param=testing&sig=REDACTED");
      assertThat(span.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
      assertThat(span.parentSpanId()).isEqualTo("b7ad6b7169203331");
      // The agent adds the handling thread by default; the SDK modes add it the same way, so spans compare key for key.
      assertThat(span.attributes()).containsKeys("thread.id", "thread.name");
    });
  }
}
