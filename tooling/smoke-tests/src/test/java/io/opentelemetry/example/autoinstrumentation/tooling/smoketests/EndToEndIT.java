package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ClientProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The walkthrough, per mode, with real processes: a server, then the real client calling it once. */
class EndToEndIT {

  @ParameterizedTest
  @EnumSource(Mode.class)
  void serverSpanContinuesTheClientsTrace(Mode mode) {
    ProcessOutput server;
    ProcessOutput client;
    try (ServerProcess process = ServerProcess.start(mode, Map.of(), Duration.ofSeconds(60))) {
      // as make client PORT=... calls it: localhost, on the port the server announced
      client = ClientProcess.run(Map.of("PORT", String.valueOf(process.port())), "testing");
      server = process.stop();
    }

    assertThat(client.exitCode()).as("client stderr: %s", client.stderr()).isZero();
    assertThat(client.stdout()).containsExactly("served");
    assertThat(server.stdout()).contains("testing");

    ExportedSpan call = single(client.spans(), "CLIENT");
    ExportedSpan root = single(client.spans(), "INTERNAL");
    assertThat(root.name()).isEqualTo("client");
    assertThat(root.hasParent()).isFalse();
    assertThat(call.parentSpanId()).isEqualTo(root.spanId());

    ExportedSpan served = single(server.spans(), "SERVER");
    assertThat(served.name()).isEqualTo("GET /server_request");
    assertThat(served.traceId()).isEqualTo(call.traceId());
    assertThat(served.parentSpanId()).isEqualTo(call.spanId());
    assertThat(served.resource()).containsEntry("service.name", mode.module());
  }

  private static ExportedSpan single(List<ExportedSpan> spans, String kind) {
    assertThat(spans).filteredOn(span -> span.kind().equals(kind)).hasSize(1);
    return spans.stream().filter(span -> span.kind().equals(kind)).findFirst().orElseThrow();
  }
}
