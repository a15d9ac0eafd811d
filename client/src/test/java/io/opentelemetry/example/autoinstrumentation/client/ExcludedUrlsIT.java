package io.opentelemetry.example.autoinstrumentation.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.opentelemetry.example.autoinstrumentation.client.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.client.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.client.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.client.harness.ProjectLayout;
import io.opentelemetry.example.autoinstrumentation.client.harness.ServerProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed's excluded-URLs toggle, without code: a variable for the library, a sampler file for the agent. */
class ExcludedUrlsIT {

  @Test
  void programmaticExcludesThroughItsVariable() throws Exception {
    ProcessOutput server = serveTwoRequests(Mode.PROGRAMMATIC,
        Map.of("OTEL_INSTRUMENTATION_SPARK_EXCLUDED_URLS", "/server_request"));

    assertOnlyTheOtherPathIsTraced(server);
  }

  @Test
  void automaticExcludesThroughTheSamplerFile() throws Exception {
    String file = ProjectLayout.root().resolve("server-automatic/excluded-urls.yaml").toString();
    ProcessOutput server = serveTwoRequests(Mode.AUTOMATIC, Map.of("OTEL_CONFIG_FILE", file));

    assertOnlyTheOtherPathIsTraced(server);
  }

  /** The excluded path is served all the same; only its span is missing. */
  private static ProcessOutput serveTwoRequests(Mode mode, Map<String, String> environment)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try (ServerProcess server = ServerProcess.start(mode, environment, Duration.ofSeconds(60))) {
      HttpResponse<String> excluded = http.send(
          HttpRequest.newBuilder(server.uri("/server_request?param=excluded")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(excluded.body()).isEqualTo("served");
      http.send(HttpRequest.newBuilder(server.uri("/other")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.discarding());
      server.awaitSpans(1, Duration.ofSeconds(10));
      return server.stop();
    }
  }

  private static void assertOnlyTheOtherPathIsTraced(ProcessOutput server) {
    assertThat(server.stdout()).contains("excluded");
    assertThat(server.spans())
        .extracting(ExportedSpan::name, span -> span.attribute("url.path"))
        .containsExactly(tuple("GET", "/other"));
  }
}
