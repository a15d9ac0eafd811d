package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.JavaProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** On a fresh clone, where no jar exists yet, every run target knows how to build what it runs. */
class MakefileIT {

  /** How many agent JVMs the name check runs at once, on a machine of two cores. */
  private static final int SIDE_BY_SIDE = 3;

  @ParameterizedTest
  @ValueSource(strings = {"run-manual", "run-automatic", "run-automatic-api", "run-programmatic", "run-spring-agent",
      "run-spring-starter", "run-spring-micrometer", "client"})
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

  /**
   * Every propagator and sampler name the Makefile lets through to the agent, the agent accepts: a name it did not would
   * get past the one-line check and end in the agent's stack trace. A name the agent refuses shows that the probe can
   * tell.
   */
  @Test
  void theAgentAcceptsEveryPropagatorAndSamplerTheMakefileKnows() throws IOException {
    String makefile = Files.readString(ProjectLayout.root().resolve("Makefile")).replace("\\\n", " ");
    List<String> propagators = makeList(makefile, "KNOWN_PROPAGATORS");
    List<String> samplers = makeList(makefile, "KNOWN_SAMPLERS");
    assertThat(propagators).contains("tracecontext", "b3multi");
    assertThat(samplers).contains("parentbased_always_on", "parentbased_jaeger_remote");
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    String jaegerEndpoint = "-Dotel.traces.sampler.arg=endpoint=http://127.0.0.1:" + closedPort;

    Map<String, List<String>> settings = new LinkedHashMap<>();
    List<String> together = propagators.stream().filter(name -> !name.equals("none")).toList(); // none stands alone
    settings.put("propagators " + together, List.of("-Dotel.propagators=" + String.join(",", together)));
    settings.put("propagators none", List.of("-Dotel.propagators=none"));
    for (String sampler : samplers) {
      settings.put("sampler " + sampler, sampler.contains("jaeger")
          ? List.of("-Dotel.traces.sampler=" + sampler, jaegerEndpoint) // its strategies from nowhere: it keeps its rate
          : List.of("-Dotel.traces.sampler=" + sampler));
    }

    List<String> labels = List.copyOf(settings.keySet());
    for (int first = 0; first < labels.size(); first += SIDE_BY_SIDE) {
      Map<String, JavaProcess> agents = new LinkedHashMap<>();
      labels.subList(first, Math.min(first + SIDE_BY_SIDE, labels.size()))
          .forEach(label -> agents.put(label, agent(settings.get(label))));
      agents.forEach((setting, agent) -> assertThat(agent.await(Duration.ofSeconds(60)).stderr())
          .as("the agent with %s", setting).doesNotContain("OpenTelemetry Javaagent failed to start"));
    }
    JavaProcess refused = agent(List.of("-Dotel.traces.sampler=sometimes"));
    assertThat(refused.await(Duration.ofSeconds(60)).stderr()).contains("OpenTelemetry Javaagent failed to start");
  }

  /** Each value here stops the agent with a stack trace: the make target says so in one line and does not start it. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "run-automatic     | OTEL_PROPAGATORS    | tracecontext,foo     | unknown propagator 'foo' in OTEL_PROPAGATORS",
      "run-automatic     | OTEL_PROPAGATORS    | none,tracecontext    | none turns propagation off and cannot be combined",
      "run-automatic-api | OTEL_TRACES_SAMPLER | sometimes            | unknown sampler 'sometimes' in OTEL_TRACES_SAMPLER",
      "run-automatic     | OTEL_TRACES_SAMPLER | ''                   | OTEL_TRACES_SAMPLER='' must name one sampler",
      "run-automatic     | OTEL_TRACES_SAMPLER | always_on always_off | OTEL_TRACES_SAMPLER='always_on always_off' must name one sampler",
      "run-automatic     | OTEL_TRACES_EXPORTER  | none,console       | none turns the signal off and cannot be combined",
      "run-automatic     | OTEL_METRICS_EXPORTER | otlp,otlp          | OTEL_METRICS_EXPORTER='otlp,otlp' names an exporter twice"})
  void aSettingTheAgentRefusesIsOneLineBeforeItStarts(String target, String variable, String value, String error) {
    ProcessOutput make = JavaProcess.start(List.of("make", "-n", "-s", target), ProjectLayout.root(),
        Map.of(variable, value)).await(Duration.ofSeconds(30));

    assertThat(make.exitCode()).isEqualTo(2);
    assertThat(make.stderr()).singleElement().asString().contains(error);
  }

  /** The agent on its own jar, which prints its version and exits: start-up and its configuration, nothing else. */
  private static JavaProcess agent(List<String> properties) {
    Path agent = ProjectLayout.requireJar(ProjectLayout.root().resolve("server-automatic/target/opentelemetry-javaagent.jar"));
    List<String> command = new ArrayList<>(List.of(JavaProcess.javaExecutable()));
    command.addAll(JavaProcess.QUICK_START);
    command.addAll(List.of("-javaagent:" + agent, "-Dotel.traces.exporter=none", "-Dotel.metrics.exporter=none",
        "-Dotel.logs.exporter=none"));
    command.addAll(properties);
    command.addAll(List.of("-jar", agent.toString()));
    return JavaProcess.start(command, ProjectLayout.root(), Map.of());
  }

  private static List<String> makeList(String makefile, String name) {
    Matcher list = Pattern.compile("(?m)^" + name + "\\s*:=\\s*(.+)$").matcher(makefile);
    assertThat(list.find()).as("%s in the Makefile", name).isTrue();
    return List.of(list.group(1).trim().split("\\s+"));
  }

  private static List<String> dryRun(String... arguments) {
    List<String> command = new ArrayList<>(List.of("make", "--no-print-directory", "-n", "-B"));
    command.addAll(List.of(arguments));
    ProcessOutput make = JavaProcess.start(command, ProjectLayout.root(), Map.of()).await(Duration.ofSeconds(30));
    assertThat(make.exitCode()).as("stderr: %s", make.stderr()).isZero();
    return make.stdout();
  }
}
