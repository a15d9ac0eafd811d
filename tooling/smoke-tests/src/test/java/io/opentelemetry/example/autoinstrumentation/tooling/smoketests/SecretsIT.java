package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.smoketests.RawHttp.Answer;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Secrets in a request, with every credential header captured: the agent's sensitive query parameters are redacted in
 * {@code url.query} in every mode; the programmatic mode redacts the captured credential headers, the agent captures them
 * verbatim (a documented difference: with the agent, do not capture them, or load agent-extension, which
 * AgentExtensionIT tests), and the manual mode's spans, with upstream's defaults, capture no header.
 */
class SecretsIT {

  /** The agent's list of query parameters whose values it redacts, each with a secret value. */
  static final Map<String, String> SENSITIVE_QUERY = new LinkedHashMap<>();
  /** Credential headers, each with a secret value. */
  static final Map<String, String> CREDENTIAL_HEADERS = new LinkedHashMap<>();

  static {
    SENSITIVE_QUERY.put("AWSAccessKeyId", "AKIAQUERYSECRET1");
    SENSITIVE_QUERY.put("Signature", "querysecret2");
    SENSITIVE_QUERY.put("sig", "querysecret3");
    SENSITIVE_QUERY.put("X-Goog-Signature", "querysecret4");
    SENSITIVE_QUERY.put("X-Amz-Signature", "querysecret5");
    SENSITIVE_QUERY.put("X-Amz-Credential", "querysecret6");
    SENSITIVE_QUERY.put("X-Amz-Security-Token", "querysecret7");
    CREDENTIAL_HEADERS.put("Authorization", "Bearer headersecret1");
    CREDENTIAL_HEADERS.put("Proxy-Authorization", "Basic headersecret2");
    CREDENTIAL_HEADERS.put("Cookie", "session=headersecret3");
    CREDENTIAL_HEADERS.put("Set-Cookie", "id=headersecret4");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void sensitiveQueryValuesAndCapturedCredentialsAreRedacted(Mode mode) {
    StringBuilder query = new StringBuilder("param=x");
    StringBuilder redactedQuery = new StringBuilder("param=x");
    SENSITIVE_QUERY.forEach((name, value) -> {
      query.append('&').append(name).append('=').append(value);
      redactedQuery.append('&').append(name).append("=REDACTED");
    });
    String[] headers = CREDENTIAL_HEADERS.entrySet().stream()
        .map(header -> header.getKey() + ": " + header.getValue())
        .toArray(String[]::new);

    Answer answer;
    ProcessOutput output;
    try (ServerProcess server = ServerProcess.start(mode,
        Map.of("OTEL_INSTRUMENTATION_HTTP_SERVER_CAPTURE_REQUEST_HEADERS", String.join(",", CREDENTIAL_HEADERS.keySet())),
        Duration.ofSeconds(60))) {
      answer = RawHttp.exchange(server, "GET /server_request?" + query + " HTTP/1.1", headers);
      server.awaitSpans(1, Duration.ofSeconds(15));
      output = server.stop();
    }

    assertThat(answer).isEqualTo(new Answer(200, "served"));
    ExportedSpan span = output.spans().stream().filter(s -> s.kind().equals("SERVER")).findFirst().orElseThrow();
    assertThat(span.attribute("url.query")).isEqualTo(redactedQuery.toString());
    List<String> everything = Stream.concat(output.stdout().stream(), output.stderr().stream()).toList();
    assertThat(everything).noneMatch(line -> SENSITIVE_QUERY.values().stream().anyMatch(line::contains));
    CREDENTIAL_HEADERS.forEach((name, value) -> {
      String key = "http.request.header." + name.toLowerCase();
      if (mode == Mode.AUTOMATIC) {
        assertThat(span.attributes()).as("the agent captures credentials verbatim").containsEntry(key, List.of(value));
      } else if (mode == Mode.MANUAL) {
        assertThat(span.attributes()).doesNotContainKey(key);
        assertThat(everything).noneMatch(line -> line.contains(value));
      } else {
        assertThat(span.attributes()).containsEntry(key, List.of("REDACTED"));
        assertThat(everything).noneMatch(line -> line.contains(value));
      }
    });
  }
}
