package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static io.opentelemetry.semconv.HttpAttributes.HTTP_RESPONSE_STATUS_CODE;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_ROUTE;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.OtlpReceiver;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service under the agent, tested as you would test yours: its JVM started with {@code -javaagent} and the endpoint of
 * an OTLP receiver that the test runs, a request, and assertions on the span that arrives. Nothing in the service or
 * the test's JVM knows about OpenTelemetry. docs/testing-your-spans.md shows this file.
 */
class SpansUnderTheAgentIT {

  static final Path ROOT = ProjectLayout.root();
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  // tag::under-the-agent[]
  @Test
  void theRequestIsOneServerSpanNamedByItsRoute(@TempDir Path dir) throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) { // a collector in the test: takes OTLP/HTTP, keeps the spans
      ProcessBuilder command = new ProcessBuilder(JAVA,
          "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", // the agent starts in about half the time; same spans
          "-javaagent:" + ROOT.resolve("server-automatic/target/opentelemetry-javaagent.jar"),
          "-jar", ROOT.resolve("server-automatic/target/server-automatic.jar").toString());
      command.environment().put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint()); // the agent exports there
      command.environment().put("OTEL_BSP_SCHEDULE_DELAY", "100"); // a span leaves 0.1 s after it ends, not 5 s
      command.environment().put("PORT", "0"); // this service then takes a free port, and prints it
      Path output = dir.resolve("service.log");
      Process service = command.redirectErrorStream(true).redirectOutput(output.toFile()).start();
      try {
        URI uri = URI.create("http://127.0.0.1:" + listeningPort(output) + "/server_request?param=testing");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).isEqualTo("served");

        assertThat(receiver.awaitSpans(1, Duration.ofSeconds(30))).as("a span within 30 s").isTrue();
        ExportedSpan span = receiver.spans().get(0);
        assertThat(span.name()).isEqualTo("GET /server_request");
        assertThat(span.kind()).isEqualTo("SERVER");
        assertThat(span.attribute(HTTP_ROUTE)).isEqualTo("/server_request");
        assertThat(span.attribute(HTTP_RESPONSE_STATUS_CODE)).isEqualTo(200L);
      } finally {
        service.destroy(); // SIGTERM: the agent exports what is still queued, then the JVM exits
        service.waitFor();
      }
    }
  }
  // end::under-the-agent[]

  static final Pattern LISTENING = Pattern.compile("Listening on http://[^:]+:(\\d+)/");

  /** Waits for the line in which the service says where it listens. */
  static int listeningPort(Path output) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      Matcher listening = LISTENING.matcher(new String(Files.readAllBytes(output), StandardCharsets.UTF_8));
      if (listening.find()) {
        return Integer.parseInt(listening.group(1));
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("the service did not say where it listens: " + Files.readString(output));
  }
}
