package io.opentelemetry.example.autoinstrumentation.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.client.harness.JavaProcess;
import io.opentelemetry.example.autoinstrumentation.client.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.client.harness.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** make bench in seconds, so that it cannot rot: every variant starts, takes load, exports, and is reported. */
class BenchSmokeIT {

  @Test
  void everyVariantIsMeasuredAndReported() throws Exception {
    Path root = ProjectLayout.root();
    ProcessOutput bench = JavaProcess.start(List.of(JavaProcess.javaExecutable(), "-cp",
            ProjectLayout.clientJar(root).toString(), "io.opentelemetry.example.autoinstrumentation.client.bench.Bench",
            "--launches", "1", "--rounds", "1", "--warmup", "0", "--duration", "1", "--paced-duration", "1",
            "--concurrency", "2"),
        root, Map.of()).await(Duration.ofMinutes(3));

    assertThat(bench.exitCode()).as("stderr: %s", bench.stderr()).isZero();
    List<String> csv = Files.readAllLines(root.resolve("target/bench/bench.csv"));
    assertThat(csv).hasSize(6);
    List<String> columns = List.of(csv.get(0).split(","));
    for (String line : csv.subList(1, csv.size())) {
      String[] cells = line.split(",");
      assertThat(Double.parseDouble(cells[columns.indexOf("throughput_rps")])).as("throughput of %s", cells[0]).isPositive();
      assertThat(Double.parseDouble(cells[columns.indexOf("paced_p99_ms")])).as("paced p99 of %s", cells[0]).isPositive();
      assertThat(cells[columns.indexOf("failures")]).as("failures of %s", cells[0]).isEqualTo("0");
      assertThat(cells[columns.indexOf("spans_exported")]).as("spans exported by %s", cells[0])
          .isEqualTo(cells[columns.indexOf("spans_expected")]);
    }
    assertThat(bench.stdout()).anyMatch(line -> line.startsWith("automatic-lean"));
  }

  @Test
  void badKnobIsOneLineAndExitTwo() {
    Path root = ProjectLayout.root();
    ProcessOutput bench = JavaProcess.start(List.of(JavaProcess.javaExecutable(), "-cp",
            ProjectLayout.clientJar(root).toString(), "io.opentelemetry.example.autoinstrumentation.client.bench.Bench",
            "--rounds", "zero"),
        root, Map.of()).await(Duration.ofMinutes(1));

    assertThat(bench.exitCode()).isEqualTo(2);
    assertThat(bench.stderr()).containsExactly("error: --rounds takes a whole number from 1 to 20, got 'zero'");
  }
}
