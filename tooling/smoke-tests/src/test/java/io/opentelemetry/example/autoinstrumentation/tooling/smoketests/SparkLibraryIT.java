package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.JavaProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SparkTelemetry on a typical Spark application written with the static API ({@link StaticApiApp}), against the agent
 * on the same application, on the Spark this build serves with and on the oldest the library supports: every request
 * gets the same SERVER span from both, in the fields an HTTP server span is judged by.
 */
class SparkLibraryIT {

  static final String APP = StaticApiApp.class.getName();
  static final Duration START = Duration.ofSeconds(60);
  static final Duration EXPORT = Duration.ofSeconds(15);
  /** The attributes compared for each request, besides the span's name and status. */
  static final List<String> ATTRIBUTES = List.of("http.route", "http.response.status_code", "error.type");

  /** The requests of the comparison; each carries a trace id of its own, which its SERVER span reports. */
  enum Call {
    PATH_PARAMETER("GET", "/users/42"),
    CREATED("POST", "/users"),
    NESTED_PATH("GET", "/api/v1/items/7"),
    HALT_IN_A_BEFORE_FILTER("GET", "/protected/data"),
    PASSES_THE_BEFORE_FILTER("GET", "/protected/data", "Authorization", "Bearer t"),
    EXCEPTION_MAPPER("GET", "/invalid"),
    UNCAUGHT_EXCEPTION("GET", "/boom"),
    REDIRECT("GET", "/old"),
    NOT_FOUND("GET", "/no/such/route"),
    ROOT_NOT_FOUND("GET", "/"),
    WEBSOCKET_UPGRADE("GET", "/ws"),
    WEBSOCKET_ROUTE_WITHOUT_UPGRADE("GET", "/ws");

    final String method;
    final String path;
    final String[] headers;

    Call(String method, String path, String... headers) {
      this.method = method;
      this.path = path;
      this.headers = headers;
    }

    String traceId() {
      return String.format("5ba12f3577b34da6a3ce929d0e0e%04d", ordinal() + 1);
    }

    String traceparent() {
      return "00-" + traceId() + "-00f067aa0ba902b7-01";
    }
  }

  /** The spark-core jar of the tests' class path (this build's Spark), and the oldest one the library supports. */
  static Stream<Path> sparkVersions() throws IOException {
    Path oldest;
    try (Stream<Path> jars = Files.list(ProjectLayout.root().resolve("tooling/smoke-tests/target/spark-oldest"))) {
      oldest = jars.filter(jar -> jar.getFileName().toString().startsWith("spark-core-")).findFirst().orElseThrow();
    }
    return Stream.of(sparkOnClassPath(), oldest);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sparkVersions")
  void libraryMakesTheAgentsServerSpanForEveryRequest(Path spark) throws Exception {
    String classPath = classPathWith(spark);
    Map<Call, ExportedSpan> agent = serverSpans(Mode.AUTOMATIC, command(classPath, Mode.agentOptions(ProjectLayout.root())));
    Map<Call, ExportedSpan> library = serverSpans(Mode.PROGRAMMATIC, command(classPath, List.of()), "library");

    assertThat(agent.values()).extracting(ExportedSpan::scope).containsOnly("io.opentelemetry.jetty-8.0");
    assertThat(library.values()).extracting(ExportedSpan::scope).containsOnly("io.opentelemetry.example.spark-2.6");
    // The agent's spans say something, so that agreeing with them does too.
    assertThat(fields(agent.get(Call.PATH_PARAMETER))).containsEntry("http.route", "/users/:id");
    assertThat(fields(agent.get(Call.NOT_FOUND))).containsEntry("http.response.status_code", "404");
    List<String> differences = new ArrayList<>();
    for (Call call : Call.values()) {
      Map<String, String> expected = fields(agent.get(call));
      Map<String, String> actual = fields(library.get(call));
      if (!expected.equals(actual)) {
        differences.add(call + " " + call.method + " " + call.path + ": agent " + expected + ", library " + actual);
      }
    }
    assertThat(differences).as("requests whose SERVER span differs on %s", spark.getFileName()).isEmpty();
  }

  /** The SERVER span of each call, from a run of the application under {@code command}. */
  private static Map<Call, ExportedSpan> serverSpans(Mode mode, List<String> command, String... arguments)
      throws Exception {
    List<String> full = new ArrayList<>(command);
    full.addAll(Arrays.asList(arguments));
    ProcessOutput output;
    try (ServerProcess server = ServerProcess.start(mode, full, Map.of(), START)) {
      for (Call call : Call.values()) {
        send(server, call);
      }
      server.awaitSpans(Call.values().length, EXPORT);
      output = server.stop();
    }
    Map<Call, ExportedSpan> spans = new EnumMap<>(Call.class);
    for (Call call : Call.values()) {
      List<ExportedSpan> server = output.spans().stream()
          .filter(span -> span.kind().equals("SERVER") && span.traceId().equals(call.traceId())).toList();
      assertThat(server).as("%s's SERVER spans for %s", mode.label(), call).hasSize(1);
      spans.put(call, server.get(0));
    }
    return spans;
  }

  private static void send(ServerProcess server, Call call) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    if (call == Call.WEBSOCKET_UPGRADE) {
      URI uri = URI.create("ws://" + ServerProcess.HOST + ":" + server.port() + call.path);
      WebSocket socket = client.newWebSocketBuilder().header("traceparent", call.traceparent())
          .buildAsync(uri, new WebSocket.Listener() {}).get(10, TimeUnit.SECONDS);
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
      return;
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(call.path))
        .method(call.method, HttpRequest.BodyPublishers.noBody())
        .header("traceparent", call.traceparent())
        .timeout(Duration.ofSeconds(10));
    for (int i = 0; i < call.headers.length; i += 2) {
      request.header(call.headers[i], call.headers[i + 1]);
    }
    client.send(request.build(), HttpResponse.BodyHandlers.discarding());
  }

  /** The compared fields of {@code span}: its name, status and {@link #ATTRIBUTES}, as text; an absent one is left out. */
  private static Map<String, String> fields(ExportedSpan span) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", span.name());
    fields.put("status", span.status());
    for (String key : ATTRIBUTES) {
      Object value = span.attribute(key);
      if (value != null) {
        fields.put(key, String.valueOf(value));
      }
    }
    return fields;
  }

  private static List<String> command(String classPath, List<String> jvmOptions) {
    List<String> command = new ArrayList<>(List.of(JavaProcess.javaExecutable()));
    command.addAll(JavaProcess.QUICK_START);
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classPath, APP));
    return command;
  }

  /** The tests' own class path, where the application and its libraries are, with {@code spark} as its Spark. */
  private static String classPathWith(Path spark) {
    List<String> entries = new ArrayList<>();
    for (String entry : classPath()) {
      entries.add(isSparkCore(entry) ? spark.toString() : entry);
    }
    return String.join(File.pathSeparator, entries);
  }

  private static Path sparkOnClassPath() {
    return classPath().stream().filter(SparkLibraryIT::isSparkCore).map(Path::of).findFirst().orElseThrow();
  }

  private static boolean isSparkCore(String entry) {
    return Path.of(entry).getFileName().toString().startsWith("spark-core-");
  }

  private static List<String> classPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isEmpty()).toList();
  }
}
