package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Python example's excluded-URLs toggle, without code: a variable for the library, a sampler file for the agent.
 * Both exclude the whole path they are given, and only it: not a longer path, not the same name deeper down. The file,
 * which replaces the agent's other configuration, also drops the resource detectors it does not list.
 */
class ExcludedUrlsIT {

  static final List<String> PATHS = List.of("/server_request", "/server_request_x", "/a/server_request");

  static ProcessOutput library;
  static ProcessOutput agent;

  /** Each mode's server, run once for both tests: the library with its variable, the agent with the sampler file. */
  @BeforeAll
  static void serveEachPathInBothModes() throws Exception {
    String file = ProjectLayout.root().resolve("server-automatic/excluded-urls.yaml").toString();
    library = serveEachPath(Mode.PROGRAMMATIC, Map.of("OTEL_INSTRUMENTATION_SPARK_EXCLUDED_URLS", "/server_request"));
    agent = serveEachPath(Mode.AUTOMATIC, Map.of("OTEL_CONFIG_FILE", file));
  }

  @Test
  void libraryAndAgentExcludeTheSameWholePath() {
    for (ProcessOutput server : List.of(library, agent)) {
      assertThat(server.stdout()).as("the excluded path is served all the same").contains("excluded");
      assertThat(server.spans()).extracting(span -> span.attribute("url.path"))
          .containsExactlyInAnyOrder("/server_request_x", "/a/server_request");
    }
    // The sampler file replaces the agent's other configuration; it names the service after the jar all the same.
    assertThat(agent.spans()).extracting(ExportedSpan::resource).allSatisfy(resource ->
        assertThat(resource).containsEntry("service.name", "server-automatic"));
  }

  /**
   * Only the resource detectors the sampler file lists run: what the agent's others add by default (host, OS, process,
   * the jar's version) is gone, while the library, which runs the agent's detectors, keeps it.
   */
  @Test
  void theSamplerFileRunsOnlyTheDetectorsItLists() {
    assertThat(resourceKeys(library)).anyMatch(key -> key.startsWith("host.")).anyMatch(key -> key.startsWith("os."))
        .anyMatch(key -> key.startsWith("process.")).contains("service.version");
    assertThat(resourceKeys(agent))
        .noneMatch(key -> key.startsWith("host.") || key.startsWith("os.") || key.startsWith("process."))
        .doesNotContain("service.version")
        .contains("service.name", "service.instance.id", "telemetry.sdk.version", "telemetry.distro.name");
  }

  private static Set<String> resourceKeys(ProcessOutput server) {
    return server.spans().stream().flatMap(span -> span.resource().keySet().stream()).collect(Collectors.toSet());
  }

  private static ProcessOutput serveEachPath(Mode mode, Map<String, String> environment)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try (ServerProcess server = ServerProcess.start(mode, environment, Duration.ofSeconds(60))) {
      for (String path : PATHS) {
        HttpResponse<String> response = http.send(
            HttpRequest.newBuilder(server.uri(path + "?param=excluded")).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(path.equals("/server_request") ? 200 : 404);
      }
      server.awaitSpans(2, Duration.ofSeconds(10));
      return server.stop();
    }
  }
}
