package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.JavaProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What happens when a server that has its own SDK also runs under the agent, and how the Makefile guards it. */
class AgentOnSdkServersIT {

  @Test
  void manualUnderTheAgentNestsASecondServerSpan() throws Exception {
    List<ExportedSpan> servers = serverSpansUnderTheAgent(Mode.MANUAL, 2);

    assertThat(servers).extracting(ExportedSpan::scope)
        .containsExactlyInAnyOrder("io.opentelemetry.jetty-8.0", "io.opentelemetry.example.server-manual");
    ExportedSpan agents = servers.stream().filter(span -> span.scope().startsWith("io.opentelemetry.jetty")).findFirst().orElseThrow();
    ExportedSpan manuals = servers.stream().filter(span -> span.scope().endsWith("server-manual")).findFirst().orElseThrow();
    assertThat(manuals.parentSpanId()).isEqualTo(agents.spanId());
  }

  @Test
  void programmaticUnderTheAgentStandsAside() throws Exception {
    List<ExportedSpan> servers = serverSpansUnderTheAgent(Mode.PROGRAMMATIC, 1);

    assertThat(servers).extracting(ExportedSpan::scope).containsExactly("io.opentelemetry.jetty-8.0");
  }

  /**
   * The library checks for a SERVER span before it applies its excluded URLs: under the agent, an excluded path keeps
   * the agent's span, and what the route does is traced under it (here the outgoing call of the real handler).
   */
  @Test
  void programmaticUnderTheAgentKeepsTheAgentsSpanOnAnExcludedUrl() throws Exception {
    List<String> agent = Mode.agentOptions(ProjectLayout.root());
    ProcessOutput output;
    try (ServerProcess server = ServerProcess.start(Mode.PROGRAMMATIC,
        Map.of("OTEL_INSTRUMENTATION_SPARK_EXCLUDED_URLS", "/real_handler"), agent, Duration.ofSeconds(60))) {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(server.uri("/real_handler?param=excluded")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      server.awaitSpans(3, Duration.ofSeconds(10));
      output = server.stop();
    }

    ExportedSpan handler = output.spans().stream().filter(span -> span.name().equals("GET /real_handler"))
        .findFirst().orElseThrow();
    assertThat(handler.scope()).isEqualTo("io.opentelemetry.jetty-8.0");
    assertThat(output.spans()).as("the outgoing call, under the agent's span")
        .anyMatch(span -> span.kind().equals("CLIENT") && span.parentSpanId().equals(handler.spanId()));
  }

  @Test
  void makeRefusesToRunManualUnderTheAgent() {
    ProcessOutput make = JavaProcess.start(List.of("make", "-s", "run-manual"), ProjectLayout.root(),
        Map.of("JAVA_TOOL_OPTIONS", "-javaagent:opentelemetry-javaagent.jar")).await(Duration.ofSeconds(30));

    assertThat(make.exitCode()).isEqualTo(2);
    assertThat(make.stderr()).singleElement().asString()
        .contains("load a javaagent").contains("two nested SERVER spans");
  }

  private static List<ExportedSpan> serverSpansUnderTheAgent(Mode mode, int expected) throws Exception {
    List<String> agent = Mode.agentOptions(ProjectLayout.root());
    ProcessOutput output;
    try (ServerProcess server = ServerProcess.start(mode, Map.of(), agent, Duration.ofSeconds(60))) {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(server.uri("/server_request?param=both")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).isEqualTo("served");
      server.awaitSpans(expected, Duration.ofSeconds(10));
      output = server.stop();
    }
    return output.spans().stream().filter(span -> span.kind().equals("SERVER")).toList();
  }
}
