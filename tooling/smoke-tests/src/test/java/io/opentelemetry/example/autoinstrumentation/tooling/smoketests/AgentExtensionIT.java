package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.example.autoinstrumentation.tooling.compare.Compare;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.smoketests.RawHttp.Answer;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The automatic mode with agent-extension loaded through OTEL_JAVAAGENT_EXTENSIONS, as {@code make run-automatic
 * OTEL_JAVAAGENT_EXTENSIONS=agent-extension/target/agent-extension.jar} runs it: captured credentials leave the process
 * as REDACTED, and the comparison finds the agent's Authorization the same as the library's.
 */
class AgentExtensionIT {

  /** Relative to the repository, where every child process runs. */
  static final String EXTENSION = "agent-extension/target/agent-extension.jar";

  @Test
  void capturedCredentialsAreRedactedOnePerValue() {
    List<String> headers = new ArrayList<>();
    SecretsIT.CREDENTIAL_HEADERS.forEach((name, value) -> headers.add(name + ": " + value));
    headers.add("Cookie: second=headersecret5");
    headers.add("X-Api-Key: headersecret6"); // sensitive by the programmatic mode's setting
    headers.add("X-Custom: visible");
    List<String> captured = new ArrayList<>(SecretsIT.CREDENTIAL_HEADERS.keySet());
    captured.addAll(List.of("X-Api-Key", "X-Custom"));

    Answer answer;
    ProcessOutput output;
    try (ServerProcess server = ServerProcess.start(Mode.AUTOMATIC, Map.of(
        "OTEL_JAVAAGENT_EXTENSIONS", EXTENSION,
        "OTEL_INSTRUMENTATION_HTTP_SERVER_CAPTURE_REQUEST_HEADERS", String.join(",", captured),
        "OTEL_INSTRUMENTATION_SPARK_SENSITIVE_HEADERS", "X-Api-Key"), Duration.ofSeconds(60))) {
      answer = RawHttp.exchange(server, "GET /server_request?param=x HTTP/1.1", headers.toArray(String[]::new));
      server.awaitSpans(1, Duration.ofSeconds(15));
      output = server.stop();
    }

    assertThat(answer).isEqualTo(new Answer(200, "served"));
    ExportedSpan span = output.spans().stream().filter(s -> s.kind().equals("SERVER")).findFirst().orElseThrow();
    assertThat(span.attributes())
        .containsEntry("http.request.header.authorization", List.of("REDACTED"))
        .containsEntry("http.request.header.proxy-authorization", List.of("REDACTED"))
        .containsEntry("http.request.header.cookie", List.of("REDACTED", "REDACTED"))
        .containsEntry("http.request.header.set-cookie", List.of("REDACTED"))
        .containsEntry("http.request.header.x-api-key", List.of("REDACTED"))
        .containsEntry("http.request.header.x-custom", List.of("visible"));
    assertThat(Stream.concat(output.stdout().stream(), output.stderr().stream()))
        .noneMatch(line -> line.contains("headersecret"));
  }

  /**
   * make compare OTEL_JAVAAGENT_EXTENSIONS=agent-extension/target/agent-extension.jar, where every child inherits the
   * variable; on the one scenario that captures Authorization, which is all this needs of the comparison.
   */
  @Test
  void compareFindsTheAgentsAuthorizationTheSameAsTheLibrarys(@TempDir Path reports) throws Exception {
    int exitCode = Compare.run(reports, Map.of("OTEL_JAVAAGENT_EXTENSIONS", EXTENSION), List.of("HEADERS"));

    assertThat(exitCode).isZero();
    JsonNode authorization = null;
    for (JsonNode row : new ObjectMapper().readTree(Files.readString(reports.resolve("compare.json"))).get("rows")) {
      if (row.get("field").asText().equals("http.request.header.authorization")) {
        authorization = row;
      }
    }
    assertThat(authorization).as("the Authorization row").isNotNull();
    // expected, not same: manual's spans capture no header
    assertThat(authorization.get("verdict").asText()).isEqualTo("expected");
    assertThat(authorization.get("values").get("automatic").asText()).isEqualTo("[REDACTED]");
    assertThat(authorization.get("values").get("programmatic").asText()).isEqualTo("[REDACTED]");
  }
}
