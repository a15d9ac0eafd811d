package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.JavaProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A run target as a reader runs it: PRETTY=1 shows each span indented, and Ctrl+C or SIGTERM is not a make error. */
class MakeRunIT {

  /** The span's name on a line of its own: what PRETTY=1 makes of one long line of OTLP JSON. */
  private static final Pattern INDENTED_NAME = Pattern.compile(" +\"name\" : \"GET /server_request\",?");

  @ParameterizedTest
  @CsvSource({"run-manual, server-manual.jar", "run-automatic, server-automatic.jar"})
  void prettyPrintsEachSpanAndStopsWithoutAMakeError(String target, String jar) throws Exception {
    JavaProcess make = JavaProcess.start(List.of("make", "--no-print-directory", target, "PRETTY=1"), ProjectLayout.root(),
        Map.of("PORT", "0", "BIND_ADDRESS", ServerProcess.HOST));
    try {
      Matcher listening = ServerProcess.LISTENING.matcher(awaitLine(make, ServerProcess.LISTENING, Duration.ofSeconds(60)));
      assertThat(listening.matches()).isTrue();
      int port = Integer.parseInt(listening.group(1));
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://" + ServerProcess.HOST + ":" + port + "/server_request?param=pretty")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).isEqualTo("served");

      // The span, indented, within the export delay: a server stopped before its span has ended would lose it.
      awaitLine(make, INDENTED_NAME, Duration.ofSeconds(15));
      ProcessHandle server = server(make, jar).orElseThrow();
      server.destroy(); // SIGTERM, as Ctrl+C or a container stop
      ProcessOutput output = make.await(Duration.ofSeconds(30));

      assertThat(output.killed()).isFalse();
      assertThat(output.exitCode()).as("make's stderr: %s", output.stderr()).isZero();
      assertThat(output.stderr()).noneMatch(line -> line.contains("Error"));
      // the span, one attribute to a line, where the server's own output would show one line of JSON
      assertThat(output.stdout()).contains("pretty").anyMatch(line -> INDENTED_NAME.matcher(line).matches());
      assertThat(output.stdout()).noneMatch(line -> line.contains("{\"resource"));
    } finally {
      ProcessHandle.of(make.pid()).stream().flatMap(ProcessHandle::descendants).forEach(ProcessHandle::destroyForcibly);
      make.close();
    }
  }

  /** The first line of make's output that {@code pattern} matches, once there is one. */
  private static String awaitLine(JavaProcess make, Pattern pattern, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && make.isAlive()) {
      for (String line : make.stdoutSoFar()) {
        if (pattern.matcher(line).matches()) {
          return line;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no line like " + pattern + " within " + timeout.toSeconds() + " s: " + make.stdoutSoFar()
        + make.stderrSoFar());
  }

  /** The server's JVM, which make started behind a shell. */
  private static Optional<ProcessHandle> server(JavaProcess make, String jar) {
    return ProcessHandle.of(make.pid()).stream().flatMap(ProcessHandle::descendants)
        .filter(process -> process.info().command().orElse("").endsWith("/java"))
        .filter(process -> process.info().commandLine().orElse("").contains(jar))
        .findFirst();
  }
}
