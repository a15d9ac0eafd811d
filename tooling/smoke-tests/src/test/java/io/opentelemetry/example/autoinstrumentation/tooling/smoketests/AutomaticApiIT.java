package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.AutomaticApi;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ClientProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.JavaProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import io.opentelemetry.example.autoinstrumentation.tooling.smoketests.RawHttp.Answer;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * server-automatic-api, the OpenTelemetry API in an application: under the agent its span and attribute join the
 * agent's trace, without the agent it serves untraced, and an API newer than the agent's is bridged as well.
 */
class AutomaticApiIT {

  static final Duration START = Duration.ofSeconds(60);
  static final Duration EXPORT = Duration.ofSeconds(15);
  static final String MAIN = "io.opentelemetry.example.autoinstrumentation.server.automatic.api.ServerAutomaticApi";
  /** The OpenTelemetry API as an application brings it: the API and what it depends on. */
  static final String API_JAR = "opentelemetry-(api|context|common)-[0-9.]+\\.jar";

  /**
   * make run-automatic-api, then make client. The @WithSpan method is private and called from its own class: a
   * proxy (Spring AOP) could not wrap that call, the agent's bytecode instrumentation does.
   */
  @Test
  void withSpanMethodIsAnInternalChildOfTheAgentsServerSpan() {
    ProcessOutput server;
    ProcessOutput client;
    try (ServerProcess process = AutomaticApi.start(true, Map.of(), START)) {
      client = ClientProcess.run(Map.of("SERVER_URL", process.uri("/server_request").toString()), "testing");
      process.awaitSpans(2, EXPORT);
      server = process.stop();
    }

    assertThat(client.exitCode()).as("client stderr: %s", client.stderr()).isZero();
    assertThat(client.stdout()).containsExactly("served");
    assertThat(server.stdout()).contains("testing");
    ExportedSpan call = single(client.spans(), "CLIENT");
    ExportedSpan served = assertAgentSpanWithItsChild(server.spans(), "testing");
    assertThat(served.parentSpanId()).isEqualTo(call.spanId());
    assertThat(served.resource()).containsEntry("service.name", AutomaticApi.MODULE);
  }

  @Test
  void withoutTheAgentItServesUntracedWithNoError() {
    Answer answer;
    ProcessOutput output;
    int port;
    try (ServerProcess server = AutomaticApi.start(false, Map.of(), START)) {
      port = server.port();
      answer = RawHttp.exchange(server, "GET /server_request?param=untraced HTTP/1.1");
      output = server.stop();
    }

    assertThat(answer).isEqualTo(new Answer(200, "served"));
    assertThat(output.stdout()).containsExactly("Listening on http://127.0.0.1:" + port + "/", "untraced");
    assertThat(output.spans()).isEmpty();
    assertThat(output.stderr()).as("only Spark's and Jetty's start-up lines").isNotEmpty()
        .allMatch(line -> line.matches("\\[[^]]+] INFO .*"));
  }

  @Test
  void itsClassPathHasTheApiAndTheAgentsAnnotationsButNoSdk() throws IOException {
    List<String> openTelemetry = libraries().stream().map(path -> path.getFileName().toString())
        .filter(name -> name.startsWith("opentelemetry")).sorted().toList();

    assertThat(openTelemetry).anyMatch(name -> name.matches("opentelemetry-api-[0-9.]+\\.jar"))
        .contains("opentelemetry-instrumentation-annotations-" + agentVersion() + ".jar")
        .allMatch(name -> name.matches(API_JAR) || name.startsWith("opentelemetry-instrumentation-annotations-"));
  }

  /** The application asks GlobalOpenTelemetry, with only the API on its class path. */
  @Test
  void globalOpenTelemetryIsTheAgentsBridgeUnderTheAgentAndANoopWithout() throws IOException {
    List<Path> api = libraries().stream().filter(path -> path.getFileName().toString().matches(API_JAR)).toList();

    ProcessOutput without = probe(api, false);
    ProcessOutput with = probe(api, true);

    // without the agent: a no-op, which get() installs, so setting an SDK afterwards fails
    assertThat(without.stdout()).contains("isSet=false", "recording=false", "valid=false", "set=IllegalStateException")
        .contains("get=io.opentelemetry.api.GlobalOpenTelemetry$ObfuscatedOpenTelemetry");
    assertThat(without.spans()).isEmpty();
    // under the agent: its bridge, recording and exported; set() returns, is ignored, and the agent warns
    String bridge = "io.opentelemetry.javaagent.instrumentation.opentelemetryapi.";
    assertThat(with.stdout()).contains("isSet=true", "recording=true", "valid=true", "set=accepted")
        .anyMatch(line -> line.startsWith("get=" + bridge)).anyMatch(line -> line.startsWith("getAfterSet=" + bridge));
    assertThat(with.stderr()).anyMatch(line -> line.contains("all GlobalOpenTelemetry.set calls are ignored"));
    assertThat(with.spans()).extracting(ExportedSpan::name).containsExactly("probe");
  }

  /** The same jar with the API it brings replaced by one newer than the agent's own: the agent bridges it too. */
  @Test
  void anApiNewerThanTheAgentsIsBridgedToo() throws IOException {
    Path root = ProjectLayout.root();
    List<Path> newer;
    try (Stream<Path> files = Files.list(root.resolve("tooling/smoke-tests/target/newer-api"))) {
      newer = files.sorted().toList();
    }
    String newerVersion = apiVersion(newer.stream()
        .filter(path -> path.getFileName().toString().startsWith("opentelemetry-api-")).findFirst().orElseThrow());
    assertThat(compareVersions(newerVersion, agentApiVersion())).as("API %s is newer than the agent's %s",
        newerVersion, agentApiVersion()).isPositive();
    List<Path> classPath = new ArrayList<>(List.of(AutomaticApi.jar(root)));
    libraries().stream().filter(path -> !path.getFileName().toString().matches(API_JAR)).forEach(classPath::add);
    classPath.addAll(newer);
    List<String> command = new ArrayList<>(List.of(JavaProcess.javaExecutable()));
    command.addAll(Mode.agentOptions(root));
    command.addAll(List.of("-cp", join(classPath), MAIN));

    Answer answer;
    ProcessOutput output;
    try (ServerProcess server = ServerProcess.start(Mode.AUTOMATIC, command, Map.of(), START)) {
      answer = RawHttp.exchange(server, "GET /server_request?param=newer HTTP/1.1");
      server.awaitSpans(2, EXPORT);
      output = server.stop();
    }

    assertThat(answer).isEqualTo(new Answer(200, "served"));
    assertAgentSpanWithItsChild(output.spans(), "newer");
  }

  /** The agent's SERVER span with the route's attribute, and the @WithSpan method's INTERNAL span as its child. */
  static ExportedSpan assertAgentSpanWithItsChild(List<ExportedSpan> spans, String param) {
    ExportedSpan served = single(spans, "SERVER");
    ExportedSpan printed = single(spans, "INTERNAL");
    assertThat(served.name()).isEqualTo("GET /server_request");
    assertThat(served.scope()).isEqualTo("io.opentelemetry.jetty-8.0");
    assertThat(served.attributes()).containsEntry("app.param", param);
    assertThat(printed.name()).isEqualTo("ServerAutomaticApi.print");
    assertThat(printed.traceId()).isEqualTo(served.traceId());
    assertThat(printed.parentSpanId()).isEqualTo(served.spanId());
    assertThat(printed.attributes()).containsEntry("app.printed", param).doesNotContainKey("app.param");
    return served;
  }

  private static ProcessOutput probe(List<Path> api, boolean underAgent) {
    Path root = ProjectLayout.root();
    List<Path> classPath = new ArrayList<>(List.of(root.resolve("tooling/smoke-tests/target/test-classes")));
    classPath.addAll(api);
    List<String> command = new ArrayList<>(List.of(JavaProcess.javaExecutable()));
    if (underAgent) {
      command.addAll(Mode.agentOptions(root));
    }
    command.addAll(List.of("-cp", join(classPath), GlobalOpenTelemetryProbe.class.getName()));
    ProcessOutput output = JavaProcess.start(command, root, Map.of()).await(START);
    assertThat(output.exitCode()).as("probe stderr: %s", output.stderr()).isZero();
    return output;
  }

  private static List<Path> libraries() throws IOException {
    try (Stream<Path> files = Files.list(ProjectLayout.root().resolve(AutomaticApi.MODULE).resolve("target/lib"))) {
      return files.sorted().toList();
    }
  }

  private static Path agentJar() {
    return ProjectLayout.root().resolve("server-automatic/target/opentelemetry-javaagent.jar");
  }

  private static String agentVersion() throws IOException {
    try (JarFile agent = new JarFile(agentJar().toFile())) {
      return agent.getManifest().getMainAttributes().getValue("Implementation-Version");
    }
  }

  /** The version of the OpenTelemetry API the agent bundles (shaded), from the API's own version file. */
  private static String agentApiVersion() throws IOException {
    return version(agentJar(), "io/opentelemetry/javaagent/shaded/io/opentelemetry/api/version.properties");
  }

  private static String apiVersion(Path apiJar) throws IOException {
    return version(apiJar, "io/opentelemetry/api/version.properties");
  }

  private static String version(Path jar, String entry) throws IOException {
    try (JarFile file = new JarFile(jar.toFile()); InputStream in = file.getInputStream(file.getJarEntry(entry))) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("sdk.version");
    }
  }

  static int compareVersions(String a, String b) {
    String[] left = a.split("\\.");
    String[] right = b.split("\\.");
    for (int i = 0; i < Math.min(left.length, right.length); i++) {
      int byPart = Integer.compare(Integer.parseInt(left[i]), Integer.parseInt(right[i]));
      if (byPart != 0) {
        return byPart;
      }
    }
    return Integer.compare(left.length, right.length);
  }

  private static String join(List<Path> classPath) {
    return String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList());
  }

  private static ExportedSpan single(List<ExportedSpan> spans, String kind) {
    assertThat(spans).filteredOn(span -> span.kind().equals(kind)).hasSize(1);
    return spans.stream().filter(span -> span.kind().equals(kind)).findFirst().orElseThrow();
  }
}
