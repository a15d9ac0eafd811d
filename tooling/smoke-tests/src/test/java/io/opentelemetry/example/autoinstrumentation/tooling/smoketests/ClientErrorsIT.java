package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ClientProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client's failures are one line on stderr and exit code 1, and its span says what failed. */
class ClientErrorsIT {

  @Test
  void stoppedServer() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    ProcessOutput client = ClientProcess.run(Map.of("SERVER_URL", "http://127.0.0.1:" + closedPort + "/server_request"));

    assertOneLineError(client, "error: cannot reach http://127.0.0.1:" + closedPort + "/server_request?param=testing: connection refused");
    assertThat(client.spans()).filteredOn(span -> span.kind().equals("CLIENT"))
        .singleElement()
        .satisfies(span -> assertThat(span.status()).isEqualTo("ERROR"));
  }

  @Test
  void unresolvableHost() {
    ProcessOutput client = ClientProcess.run(Map.of("SERVER_URL", "http://no-such-host.invalid:8082/server_request"));

    assertOneLineError(client, "error: cannot reach http://no-such-host.invalid:8082/server_request?param=testing: unknown host");
  }

  @Test
  void stalledServer() throws IOException {
    try (ServerSocket stalled = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      // accepts the connection (the backlog does) and never answers
      ProcessOutput client = ClientProcess.run(Map.of(
          "SERVER_URL", "http://127.0.0.1:" + stalled.getLocalPort() + "/server_request", "CLIENT_TIMEOUT_SECONDS", "2"));

      assertOneLineError(client, "error: cannot reach http://127.0.0.1:" + stalled.getLocalPort()
          + "/server_request?param=testing: no answer within 2 s");
    }
  }

  @Test
  void badTimeout() {
    ProcessOutput client = ClientProcess.run(Map.of("CLIENT_TIMEOUT_SECONDS", "soon"));

    assertThat(client.exitCode()).isEqualTo(2);
    assertThat(client.stderr()).containsExactly("error: CLIENT_TIMEOUT_SECONDS must be a whole number from 1 to 600, got 'soon'");
  }

  @Test
  void credentialsInTheUrlNeverReachASpan() {
    ProcessOutput client = ClientProcess.run(Map.of("SERVER_URL", "http://user:hunter2@127.0.0.1:9/server_request"));

    assertThat(client.exitCode()).isEqualTo(1);
    assertThat(String.join("\n", client.stderr())).doesNotContain("hunter2").contains("REDACTED:REDACTED@127.0.0.1:9");
  }

  @Test
  void notFound() {
    ProcessOutput client;
    try (ServerProcess server = ServerProcess.start(Mode.MANUAL, Map.of(), Duration.ofSeconds(60))) {
      client = ClientProcess.run(Map.of("SERVER_URL", server.uri("/no_such_route").toString()));
    }

    assertOneLineError(client, "error: server answered 404 for ");
    assertThat(client.spans()).filteredOn(span -> span.kind().equals("CLIENT"))
        .singleElement()
        .satisfies(span -> assertThat(span.attribute("http.response.status_code")).isEqualTo(404L));
  }

  @Test
  void malformedServerUrl() {
    ProcessOutput client = ClientProcess.run(Map.of("SERVER_URL", "localhost:8082"));

    assertThat(client.exitCode()).isEqualTo(2);
    assertThat(client.stderr()).containsExactly("error: SERVER_URL is not an http URL: 'localhost:8082'");
  }

  /** One "error:" line, the span export lines aside, and no stack trace. */
  static void assertOneLineError(ProcessOutput client, String expectedStart) {
    assertThat(client.exitCode()).isEqualTo(1);
    assertThat(client.stdout()).isEmpty();
    assertThat(client.stderr()).filteredOn(line -> !line.contains("OtlpJsonLoggingSpanExporter"))
        .singleElement()
        .asString()
        .startsWith(expectedStart);
  }
}
