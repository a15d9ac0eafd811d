package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_HEADER;
import static io.opentelemetry.semconv.ServiceAttributes.SERVICE_NAME;
import static io.opentelemetry.semconv.incubating.DeploymentIncubatingAttributes.DEPLOYMENT_ENVIRONMENT_NAME;
import static io.opentelemetry.semconv.incubating.ThreadIncubatingAttributes.THREAD_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.JavaProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.OtlpReceiver;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The traps of the agent's declarative configuration (OTEL_CONFIG_FILE), each from a run of agent 2.31.1: the old
 * property name is ignored without a word; a file replaces every other setting, so only the variables it names as
 * {@code ${NAME}} apply; and the defaults file and the agent extension are not applied under it.
 */
class DeclarativeConfigIT {

  /** The file of the test: it names two variables, and captures Authorization. */
  static final Path FILE = ProjectLayout.root().resolve("tooling/smoke-tests/src/test/resources/declarative-config.yaml");
  /** What a user sets beside it, expecting each to apply, as it does without the file. */
  static final Map<String, String> VARIABLES = Map.of(
      "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=staging", // named in the file
      "OTEL_SERVICE_NAME", "checkout",
      "OTEL_TRACES_SAMPLER", "always_off",
      "OTEL_INSTRUMENTATION_HTTP_SERVER_CAPTURE_REQUEST_HEADERS", "X-Custom",
      "OTEL_JAVAAGENT_EXTENSIONS", AgentExtensionIT.EXTENSION); // which redacts a captured Authorization

  static OtlpReceiver receiver;
  static ProcessOutput underTheFile;

  /** The automatic server, as make run-automatic starts it (the defaults file included), with the file and variables. */
  @BeforeAll
  static void serveOneRequestUnderTheFile() throws Exception {
    receiver = OtlpReceiver.start();
    Map<String, String> environment = new HashMap<>(VARIABLES);
    environment.put("OTEL_CONFIG_FILE", FILE.toString());
    environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint()); // named in the file
    try (ServerProcess server = ServerProcess.start(Mode.AUTOMATIC, environment, Duration.ofSeconds(60))) {
      send(server, "Authorization", "Bearer secret", "X-Custom", "custom");
      receiver.awaitSpans(1, Duration.ofSeconds(15));
      underTheFile = server.stop();
    }
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  /**
   * Agent 2.29 and later read only otel.config.file (OTEL_CONFIG_FILE): the old name, as a property or a variable,
   * leaves the file unread, and nothing says so.
   */
  @Test
  void theOldPropertyNameIsIgnoredWithoutAWord() throws Exception {
    String excludedUrls = ProjectLayout.root().resolve("server-automatic/excluded-urls.yaml").toString();
    List<String> jvmOptions = new ArrayList<>(JavaProcess.QUICK_START);
    jvmOptions.add("-Dotel.experimental.config.file=" + excludedUrls);
    ProcessOutput output;
    Map<String, String> environment = Map.of("OTEL_EXPERIMENTAL_CONFIG_FILE", excludedUrls);
    try (ServerProcess server = ServerProcess.start(Mode.AUTOMATIC, environment, jvmOptions, Duration.ofSeconds(60))) {
      send(server);
      server.awaitSpans(1, Duration.ofSeconds(15));
      output = server.stop();
    }

    // The file drops the SERVER spans of /server_request (ExcludedUrlsIT); unread, the span is there, exported by the
    // defaults file's console exporter, which the file would have replaced.
    assertThat(output.spans()).extracting(ExportedSpan::name).containsExactly("GET /server_request");
    assertThat(output.stderr()).anyMatch(line -> line.contains("OtlpJsonLoggingSpanExporter"));
    // Not a warning: the property appears only in the spans' resource, where the agent lists the command line.
    assertThat(Stream.concat(output.stdout().stream(), output.stderr().stream()))
        .filteredOn(line -> line.contains("experimental.config.file"))
        .allMatch(line -> line.contains("\"process.command_args\""));
  }

  @Test
  void onlyTheVariablesTheFileNamesApply() {
    ExportedSpan span = onlySpan();
    // ${OTEL_EXPORTER_OTLP_ENDPOINT}: the span reached the receiver; ${OTEL_RESOURCE_ATTRIBUTES}: its attributes.
    assertThat(span.resource()).containsEntry(DEPLOYMENT_ENVIRONMENT_NAME.getKey(), "staging");
    // The file names neither the sampler (always_off would have dropped the span), nor the service name (nor lists
    // the service detector, which reads it), nor the agent's header setting.
    assertThat(span.resource()).containsEntry(SERVICE_NAME.getKey(), "unknown_service:java");
    assertThat(span.attributes()).doesNotContainKey(HTTP_REQUEST_HEADER.getAttributeKey("x-custom").getKey());
  }

  @Test
  void theDefaultsFileAndTheExtensionAreNotApplied() {
    // The defaults file's console exporter printed nothing: the file's exporter is the only one.
    assertThat(underTheFile.spans()).isEmpty();
    // The file captures Authorization, and the extension that would make it REDACTED is loaded but never called.
    assertThat(onlySpan().attributes())
        .containsEntry(HTTP_REQUEST_HEADER.getAttributeKey("authorization").getKey(), List.of("Bearer secret"));
    // Nor does the agent add the thread attributes it adds by default.
    assertThat(onlySpan().attributes()).doesNotContainKey(THREAD_ID.getKey());
  }

  private static ExportedSpan onlySpan() {
    assertThat(receiver.spans()).as("spans at the file's endpoint").hasSize(1);
    return receiver.spans().get(0);
  }

  private static void send(ServerProcess server, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/server_request?param=declarative"))
        .timeout(Duration.ofSeconds(10));
    if (headers.length > 0) {
      request.headers(headers);
    }
    HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.body()).isEqualTo("served");
  }
}
