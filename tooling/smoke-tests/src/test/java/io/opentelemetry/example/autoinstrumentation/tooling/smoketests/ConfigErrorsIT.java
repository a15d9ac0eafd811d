package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.JavaProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A bad configuration ends a server before it serves: one "error:" line, a non-zero exit, no stack trace. */
class ConfigErrorsIT {

  @ParameterizedTest
  @EnumSource(Mode.class)
  void nonNumericPort(Mode mode) {
    ProcessOutput server = run(mode, Map.of("PORT", "80a"));

    assertOneError(server, "error: PORT must be a number from 0 to 65535, got '80a'");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void portTaken(Mode mode) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      ProcessOutput server = run(mode, Map.of("PORT", String.valueOf(taken.getLocalPort())));

      assertOneError(server, "error: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": Failed to bind");
    }
  }

  @ParameterizedTest
  @EnumSource(value = Mode.class, names = {"MANUAL", "PROGRAMMATIC"})
  void unknownExporterName(Mode mode) {
    ProcessOutput server = run(mode, Map.of("OTEL_TRACES_EXPORTER", "nosuch"));

    assertOneError(server, "error: bad OpenTelemetry configuration: Unrecognized value for otel.traces.exporter: nosuch");
  }

  /** The agent would print a stack trace and serve untraced: the make target checks the name first. */
  @ParameterizedTest
  @EnumSource(value = Mode.class, names = "AUTOMATIC")
  void unknownExporterNameThroughMake(Mode mode) {
    ProcessOutput make = JavaProcess.start(List.of("make", "-s", "run-" + mode.label()), ProjectLayout.root(),
        Map.of("OTEL_TRACES_EXPORTER", "otlp,nosuch")).await(Duration.ofSeconds(30));

    assertThat(make.exitCode()).isEqualTo(2);
    assertThat(make.stderr()).singleElement().asString().contains("unknown exporter 'nosuch'");
  }

  /**
   * Why the make target checks: the agent itself has no way to fail fast (upstream issue #4829 was closed unbuilt), so
   * it prints a stack trace and serves untraced. Should a later agent stop serving, the check can go.
   */
  @ParameterizedTest
  @EnumSource(value = Mode.class, names = "AUTOMATIC")
  void unknownExporterNameUnderTheAgentAloneServesUntraced(Mode mode) throws Exception {
    HttpResponse<String> response;
    ProcessOutput server;
    try (ServerProcess process = ServerProcess.start(mode, Map.of("OTEL_TRACES_EXPORTER", "nosuch"), Duration.ofSeconds(60))) {
      response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(process.uri("/server_request?param=untraced")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      server = process.stop();
    }

    assertThat(response.body()).isEqualTo("served");
    assertThat(server.stderr()).contains("OpenTelemetry Javaagent failed to start").anyMatch(line -> line.startsWith("\tat "));
    assertThat(server.spans()).isEmpty();
  }

  private static ProcessOutput run(Mode mode, Map<String, String> environment) {
    return JavaProcess.start(mode.command(ProjectLayout.root(), List.of()), ProjectLayout.root(), environment)
        .await(Duration.ofSeconds(60));
  }

  /** The agent's own start-up lines aside, the process says one thing: the error. */
  private static void assertOneError(ProcessOutput server, String expectedStart) {
    assertThat(server.exitCode()).isEqualTo(2);
    List<String> ours = server.stderr().stream()
        .filter(line -> !line.startsWith("[otel.javaagent") && !line.startsWith("OpenJDK 64-Bit Server VM warning"))
        .filter(line -> !line.startsWith("[Thread-") && !line.startsWith("[main] INFO")) // Spark's and Jetty's INFO log
        .toList();
    assertThat(ours).singleElement().asString().startsWith(expectedStart);
    assertThat(server.stderr()).noneMatch(line -> line.startsWith("\tat "));
  }
}
