package io.opentelemetry.example.autoinstrumentation.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.client.harness.JavaProcess;
import io.opentelemetry.example.autoinstrumentation.client.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.client.harness.ProjectLayout;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** On a fresh clone, where no jar exists yet, every run target knows how to build what it runs. */
class MakefileIT {

  @ParameterizedTest
  @ValueSource(strings = {"run-manual", "run-automatic", "run-automatic-api", "run-programmatic", "client"})
  void runTargetsBuildTheirJarFirst(String target) {
    // -B: as if every jar were missing; -n: print the commands without running them
    ProcessOutput make = JavaProcess.start(List.of("make", "--no-print-directory", "-n", "-B", target), ProjectLayout.root(), Map.of())
        .await(Duration.ofSeconds(30));

    assertThat(make.exitCode()).as("stderr: %s", make.stderr()).isZero();
    assertThat(make.stdout()).anyMatch(line -> line.startsWith("./mvnw -q -B package -DskipTests -pl"));
    // the JDK that ./mvnw builds with: JAVA_HOME's java when set, else the one on PATH
    String java = System.getenv("JAVA_HOME") == null ? "java " : System.getenv("JAVA_HOME") + "/bin/java ";
    assertThat(make.stdout()).last().asString().startsWith(java);
  }

  /** The agent extension is built only when OTEL_JAVAAGENT_EXTENSIONS names it; plain run-automatic stays zero-code. */
  @Test
  void namingTheAgentExtensionBuildsItFirst() {
    String build = "./mvnw -q -B package -DskipTests -pl agent-extension -am";

    assertThat(dryRun("run-automatic", "OTEL_JAVAAGENT_EXTENSIONS=agent-extension/target/agent-extension.jar")).contains(build);
    assertThat(dryRun("run-automatic")).doesNotContain(build);
  }

  @Test
  void profileNamesTheModesItKnows() {
    ProcessOutput make = JavaProcess.start(List.of("make", "--no-print-directory", "-n", "profile", "MODE=turbo"),
        ProjectLayout.root(), Map.of()).await(Duration.ofSeconds(30));

    assertThat(make.exitCode()).isEqualTo(2);
    assertThat(make.stderr()).singleElement().asString()
        .endsWith("MODE must be one of: manual programmatic automatic automatic-lean baseline; got 'turbo'.  Stop.");
    assertThat(dryRun("profile", "MODE=programmatic")).last().asString()
        .contains("bench.Profiler --mode programmatic");
  }

  /** PARAM reaches the client as one argument, whatever quotes, backquotes or spaces it holds. */
  @Test
  void clientTakesAnyParamAsOneArgument() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    String param = "say \"hi\" to `echo` it's";
    String url = "http://127.0.0.1:" + closedPort + "/server_request";
    ProcessOutput make = JavaProcess.start(List.of("make", "--no-print-directory", "-s", "client", "PARAM=" + param),
        ProjectLayout.root(), Map.of("SERVER_URL", url)).await(Duration.ofSeconds(60));

    // the client's own one-line error, with the parameter as sent, not the shell's
    assertThat(make.stderr()).first().asString()
        .isEqualTo("error: cannot reach " + url + "?param=" + URLEncoder.encode(param, StandardCharsets.UTF_8)
            + ": connection refused");
  }

  private static List<String> dryRun(String... arguments) {
    List<String> command = new ArrayList<>(List.of("make", "--no-print-directory", "-n", "-B"));
    command.addAll(List.of(arguments));
    ProcessOutput make = JavaProcess.start(command, ProjectLayout.root(), Map.of()).await(Duration.ofSeconds(30));
    assertThat(make.exitCode()).as("stderr: %s", make.stderr()).isZero();
    return make.stdout();
  }
}
