package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.JavaProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * make bench in seconds, so that it cannot rot: the SDK, the agent and no telemetry start, take load on the
 * representative route (every other test loads the Python example's), with every exporter, are read from outside (CPU,
 * allocation, threads), export every span, are reported, and one is profiled.
 */
class BenchSmokeIT {

  @Test
  void everyKindOfSetupIsMeasuredReportedAndProfiled() throws Exception {
    Path root = ProjectLayout.root();
    ProcessOutput bench = JavaProcess.start(List.of(JavaProcess.javaExecutable(), "-cp",
            root.resolve("tooling/bench/target/bench.jar").toString(), "io.opentelemetry.example.autoinstrumentation.tooling.bench.Bench",
            "--variants", "baseline,programmatic,automatic-lean", "--routes", "/search?q=oak",
            "--batch-settings", "none", "--launches", "1", "--rounds", "1", "--warmup", "0", "--duration", "1",
            "--paced-duration", "1", "--rate", "200", "--concurrency", "2", "--profile", "1"),
        root, Map.of()).await(Duration.ofMinutes(3));

    assertThat(bench.exitCode()).as("stderr: %s", bench.stderr()).isZero();
    assertThat(bench.stderr()).as("the JVM probe attached to every server").isEmpty();
    List<String> csv = Files.readAllLines(root.resolve("target/bench/bench.csv"));
    // baseline, programmatic with each of the 3 exporters, the lean agent
    assertThat(csv).hasSize(1 + 5);
    List<String> columns = List.of(csv.get(0).split(","));
    for (String line : csv.subList(1, csv.size())) {
      String[] cells = line.split(",");
      String setup = cells[0] + " " + cells[1] + " " + cells[2];
      assertThat(Double.parseDouble(cells[columns.indexOf("throughput_rps")])).as("throughput of %s", setup).isPositive();
      assertThat(cells[columns.indexOf("failures")]).as("failures of %s", setup).isEqualTo("0");
      assertThat(Double.parseDouble(cells[columns.indexOf("cpu_us_per_request")])).as("CPU of %s", setup).isPositive();
      assertThat(Double.parseDouble(cells[columns.indexOf("allocated_kib_per_request")])).as("allocation of %s", setup)
          .isPositive();
      assertThat(Double.parseDouble(cells[columns.indexOf("peak_threads")])).as("threads of %s", setup).isPositive();
      // no span lost: at least one per request answered
      assertThat(Long.parseLong(cells[columns.indexOf("spans_exported")])).as("spans exported by %s", setup)
          .isGreaterThanOrEqualTo(Long.parseLong(cells[columns.indexOf("spans_expected")]));
      if (cells[2].equals("otlp") || cells[1].equals("baseline")) {
        assertThat(Double.parseDouble(cells[columns.indexOf("paced_p99_ms")])).as("paced p99 of %s", setup).isPositive();
      }
    }
    assertThat(csv).filteredOn(line -> line.contains(",otlp,"))
        .allMatch(line -> !line.endsWith(",0,0"), "spans counted over OTLP");
    assertThat(bench.stdout()).anyMatch(line -> line.startsWith("automatic-lean"));
    assertThat(Files.readString(root.resolve("target/bench/flame-programmatic.svg"))).contains("OpenTelemetryHandler");
    assertThat(bench.stdout()).anyMatch(line -> line.contains("OpenTelemetry on the request threads"));
  }

  @Test
  void badKnobIsOneLineAndExitTwo() {
    Path root = ProjectLayout.root();
    ProcessOutput bench = JavaProcess.start(List.of(JavaProcess.javaExecutable(), "-cp",
            root.resolve("tooling/bench/target/bench.jar").toString(), "io.opentelemetry.example.autoinstrumentation.tooling.bench.Bench",
            "--rounds", "zero"),
        root, Map.of()).await(Duration.ofMinutes(1));

    assertThat(bench.exitCode()).isEqualTo(2);
    assertThat(bench.stderr()).containsExactly("error: --rounds takes a whole number from 1 to 20, got 'zero'");
  }
}
