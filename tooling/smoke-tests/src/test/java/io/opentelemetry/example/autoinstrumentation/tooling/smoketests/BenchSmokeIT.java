package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.example.autoinstrumentation.common.RealHandlerExpectations;
import io.opentelemetry.example.autoinstrumentation.common.RealHandlerExpectations.TraceSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.bench.Recipes;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ClientProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.JavaProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * make bench in seconds, so that it cannot rot, and with no timing asserted: no telemetry, the SDK and the agent's
 * lean recipe start, JDK 25's AOT cache is trained and started from when a JDK 25 is there, all take load on the
 * representative route, with every exporter, are read from outside (start-up, CPU, allocation, threads), export
 * every span, are written as data and reported, one is profiled, the Spring Boot service starts without telemetry
 * and with OpenTelemetry's starter, timed with its CPU, and the docs are left alone.
 */
class BenchSmokeIT {

  private static final String BENCH = "io.opentelemetry.example.autoinstrumentation.tooling.bench.Bench";

  @Test
  void everyKindOfSetupIsMeasuredWrittenAsDataAndProfiled() throws Exception {
    Path root = ProjectLayout.root();
    String performance = Files.readString(root.resolve("docs/performance.md"));
    ProcessOutput bench = bench(root, "--variants",
        "baseline,programmatic,automatic-lean,baseline-jdk25,baseline-jdk25-aot", "--routes", "/search?q=oak",
        "--exporters", "none,otlp,logging-otlp", "--rounds", "1", "--warmup", "0", "--duration", "1",
        "--paced-duration", "1", "--rate", "200", "--concurrency", "2", "--profile", "1",
        "--spring", "spring-baseline,spring-starter");

    assertThat(bench.exitCode()).as("stderr: %s", bench.stderr()).isZero();
    assertThat(bench.stderr()).as("the JVM probe attached to every server").isEmpty();
    JsonNode data = new ObjectMapper().readTree(Files.readString(root.resolve("target/bench/bench.json")));
    boolean jdk25 = !data.path("settings").path("jdk25").isNull();
    List<String> setups = new ArrayList<>();
    for (JsonNode result : data.get("results")) {
      JsonNode setup = result.get("setup");
      String name = setup.get("variant").asText() + " " + setup.get("exporter").asText();
      setups.add(name);
      JsonNode run = result.get("runs").get(0);
      assertThat(run.get("startupSeconds").asDouble()).as("start-up of %s", name).isPositive();
      assertThat(run.get("throughput").asDouble()).as("throughput of %s", name).isPositive();
      assertThat(run.get("failures").asLong()).as("failures of %s", name).isZero();
      assertThat(run.get("cpuMicrosPerRequest").asDouble()).as("CPU of %s", name).isPositive();
      assertThat(run.get("allocatedKibPerRequest").asDouble()).as("allocation of %s", name).isPositive();
      assertThat(run.get("peakThreads").asDouble()).as("threads of %s", name).isPositive();
      // no span lost: at least one per request answered
      assertThat(run.get("spansExported").asLong()).as("spans exported by %s", name)
          .isGreaterThanOrEqualTo(run.get("spansExpected").asLong());
      if (setup.get("exporter").asText().equals("otlp")) {
        assertThat(run.get("spansExported").asLong()).as("spans counted over OTLP by %s", name).isPositive();
      }
      if (setup.get("exporter").asText().equals("otlp") || name.startsWith("baseline")) { // the main tables' setups
        assertThat(run.get("pacedP99Millis").asDouble()).as("paced p99 of %s", name).isPositive();
      }
    }
    List<String> expected = new ArrayList<>(List.of("baseline none", "programmatic none", "programmatic otlp",
        "programmatic logging-otlp", "automatic-lean otlp"));
    if (jdk25) {
      expected.addAll(List.of("baseline-jdk25 none", "baseline-jdk25-aot none"));
    } else {
      assertThat(bench.stdout()).contains("no JDK 25 found (--jdk25 DIR names one): the AOT variants are left out");
    }
    assertThat(setups).containsExactlyElementsOf(expected);
    assertThat(data.path("summary").path("automatic-lean").path("routes").path("/search").path("cpuRatio")
        .path("median").asDouble()).as("what the README quotes").isPositive();
    assertThat(bench.stdout()).anyMatch(line -> line.startsWith("automatic-lean"));
    List<String> spring = new ArrayList<>();
    for (JsonNode result : data.get("spring")) {
      String name = result.get("variant").asText();
      spring.add(name);
      JsonNode launch = result.get("launches").get(0);
      assertThat(launch.get("seconds").asDouble()).as("start-up of %s", name).isPositive();
      assertThat(launch.get("cpuSeconds").asDouble()).as("CPU by the first answer of %s", name).isPositive();
    }
    assertThat(spring).as("the Spring Boot service's start-up, one launch each").containsExactly("spring-baseline",
        "spring-starter");
    assertThat(bench.stdout()).anyMatch(line -> line.startsWith("spring-starter"));
    assertThat(Files.readString(root.resolve("target/bench/flame-programmatic.svg"))).contains("OpenTelemetryHandler");
    assertThat(Files.readString(root.resolve("target/bench/bench.md"))).contains("OpenTelemetry on the request threads");
    assertThat(Files.readString(root.resolve("docs/performance.md"))).as("only a full run writes the docs")
        .isEqualTo(performance);
  }

  /** The recipe that keeps the steady state must keep the traces too: the real handler's, as the agent gives it. */
  @Test
  void theLeanRecipeKeepsTheRealHandlersWholeTrace() {
    ProcessOutput server;
    ProcessOutput client;
    int port;
    try (ServerProcess process = ServerProcess.start(Mode.AUTOMATIC, Map.of(), Recipes.ONLY_WHAT_THE_APP_USES,
        Duration.ofSeconds(60))) {
      port = process.port();
      client = ClientProcess.run(Map.of("SERVER_URL", process.uri("/real_handler").toString()), "testing");
      process.awaitSpans(4, Duration.ofSeconds(15));
      server = process.stop();
    }

    assertThat(client.exitCode()).as("client stderr: %s", client.stderr()).isZero();
    List<TraceSpan> spans = server.spans().stream().map(span -> new TraceSpan(span.traceId(), span.spanId(),
        span.parentSpanId(), span.name(), span.kind(), span.status(), span.attributes())).toList();
    RealHandlerExpectations.assertTree(spans, port, "testing");
  }

  @Test
  void badKnobIsOneLineAndExitTwo() {
    ProcessOutput bench = bench(ProjectLayout.root(), "--rounds", "zero");

    assertThat(bench.exitCode()).isEqualTo(2);
    assertThat(bench.stderr()).containsExactly("error: Invalid value for option '--rounds': 'zero' is not an int");
  }

  private static ProcessOutput bench(Path root, String... arguments) {
    // as the Makefile runs it: its receiver reads OTLP with protobuf-java, which JDK 24 and later warn about unless
    // allowed, and JDK 17 knows no such option
    List<String> command = new ArrayList<>(List.of(JavaProcess.javaExecutable(), "-XX:+IgnoreUnrecognizedVMOptions",
        "--sun-misc-unsafe-memory-access=allow", "-cp", root.resolve("tooling/bench/target/bench.jar").toString(),
        BENCH));
    command.addAll(List.of(arguments));
    return JavaProcess.start(command, root, Map.of()).await(Duration.ofMinutes(3));
  }
}
