package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.JavaProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.OtlpReceiver;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A measurement, which make test does not run (the name matches no test pattern): how long a stop (SIGTERM) takes in
 * each mode, with the collector answering, down (nothing listens: connection refused) and hanging (it accepts and never
 * answers), under the defaults and under the settings that bound it; and how long a short-lived job takes to exit after
 * its span, in each way of setting up the SDK. Every figure is the median of {@code -Drounds} runs (3) with their range.
 * It prints Markdown tables, also written to target/stop-times.md, which docs/short-lived-jobs-and-stopping.md quotes:
 *
 * <pre>
 * ./mvnw -B -q -ntp verify -pl tooling/smoke-tests -am -Dit.test=StopTimes -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class StopTimes {

  static final int ROUNDS = Integer.getInteger("rounds", 3);

  enum Collector {
    UP("answering"), DOWN("down"), HANGING("hanging");

    final String label;

    Collector(String label) {
      this.label = label;
    }
  }

  /** A setting a server runs with, and the collectors it is measured against. */
  record Setting(String label, Map<String, String> environment, List<Collector> collectors) {}

  static final List<Setting> SERVER_SETTINGS = List.of(
      new Setting("the defaults", Map.of(), List.of(Collector.values())),
      new Setting("`OTEL_EXPORTER_OTLP_TIMEOUT=2000`", Map.of("OTEL_EXPORTER_OTLP_TIMEOUT", "2000"),
          List.of(Collector.DOWN, Collector.HANGING)),
      new Setting("`OTEL_BSP_EXPORT_TIMEOUT=2000`", Map.of("OTEL_BSP_EXPORT_TIMEOUT", "2000"),
          List.of(Collector.DOWN, Collector.HANGING)),
      new Setting("`OTEL_EXPORTER_OTLP_TIMEOUT=30000`", Map.of("OTEL_EXPORTER_OTLP_TIMEOUT", "30000"),
          List.of(Collector.HANGING)),
      new Setting("`OTEL_BSP_SCHEDULE_DELAY=5000`", Map.of("OTEL_BSP_SCHEDULE_DELAY", "5000"),
          List.of(Collector.UP, Collector.HANGING)));

  static final List<String> JOB_SET_UPS = List.of("agent", "autoconfigure", "sdk", "sdk-close", "sdk-force-flush");

  /** One run: how long it took, and how many spans reached the collector (which a hanging one also records). */
  record Run(Duration took, int spansReceived, boolean killed) {}

  @Test
  void measure() throws Exception {
    StringBuilder report = new StringBuilder();
    report.append(String.format(Locale.ROOT, "Measured on %d cores, JDK %s, load average %.1f at the start; %d runs a cell.%n%n",
        Runtime.getRuntime().availableProcessors(), Runtime.version().feature(), load(), ROUNDS));
    report.append(serverTable()).append('\n').append(jobTable());
    report.append(String.format(Locale.ROOT, "%nLoad average %.1f at the end.%n", load()));
    System.out.println(report);
    Path file = ProjectLayout.root().resolve("tooling/smoke-tests/target/stop-times.md");
    Files.writeString(file, report);
  }

  private String serverTable() throws Exception {
    StringBuilder table = new StringBuilder("| setting | collector | manual | automatic | programmatic |\n"
        + "| --- | --- | --- | --- | --- |\n");
    for (Setting setting : SERVER_SETTINGS) {
      for (Collector collector : setting.collectors()) {
        table.append("| ").append(setting.label()).append(" | ").append(collector.label);
        for (Mode mode : List.of(Mode.MANUAL, Mode.AUTOMATIC, Mode.PROGRAMMATIC)) {
          List<Run> runs = new ArrayList<>();
          for (int round = 0; round < ROUNDS; round++) {
            runs.add(stopServer(mode, collector, setting.environment()));
          }
          table.append(" | ").append(cell(runs, collector));
        }
        table.append(" |\n");
      }
    }
    return table.toString();
  }

  private String jobTable() throws Exception {
    StringBuilder table = new StringBuilder("| job's set-up | collector answering | collector down | collector hanging |\n"
        + "| --- | --- | --- | --- |\n");
    for (String setUp : JOB_SET_UPS) {
      table.append("| `").append(setUp).append('`');
      for (Collector collector : Collector.values()) {
        List<Run> runs = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
          runs.add(runJob(setUp, collector));
        }
        table.append(" | ").append(cell(runs, collector));
      }
      table.append(" |\n");
    }
    return table.toString();
  }

  /** Starts the server, sends one request, and times a SIGTERM sent just after the answer until the process is gone. */
  private static Run stopServer(Mode mode, Collector collector, Map<String, String> setting) throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      Map<String, String> environment = new HashMap<>(setting);
      environment.put("OTEL_TRACES_EXPORTER", "otlp");
      environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint(receiver, collector));
      try (ServerProcess server = ServerProcess.start(mode, environment, List.of(), Duration.ofSeconds(120))) {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(server.uri("/server_request?param=stop")).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).isEqualTo("served");
        Thread.sleep(200); // the span has ended: the library and the agent end it just after the answer is on the wire
        long start = System.nanoTime();
        ProcessOutput output = server.stop();
        return new Run(Duration.ofNanos(System.nanoTime() - start), receiver.spans().size(), output.killed());
      }
    }
  }

  /** Runs the job and times from the end of its span, which it prints, to the end of its process. */
  private static Run runJob(String setUp, Collector collector) {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      Map<String, String> environment = ShortLivedJobIT.environment(endpoint(receiver, collector));
      ProcessOutput output = JavaProcess.start(ShortLivedJob.command(setUp, List.of()), ProjectLayout.root(), environment)
          .await(Duration.ofSeconds(120));
      long exited = System.currentTimeMillis();
      long spanEnded = output.stdout().stream().filter(line -> line.startsWith(ShortLivedJob.SPAN_ENDED))
          .mapToLong(line -> Long.parseLong(line.substring(ShortLivedJob.SPAN_ENDED.length()))).findFirst()
          .orElseThrow(() -> new IllegalStateException(setUp + " printed no end of span: " + output.stderr()));
      return new Run(Duration.ofMillis(exited - spanEnded), receiver.spans().size(), output.killed());
    }
  }

  /** Sets the receiver up as {@code collector} says, and returns where to export: to it, or where nothing listens. */
  private static String endpoint(OtlpReceiver receiver, Collector collector) {
    if (collector == Collector.HANGING) {
      receiver.stopAnswering();
    }
    if (collector != Collector.DOWN) {
      return receiver.endpoint();
    }
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + closed.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Median and range in seconds; with the collector answering, whether the span reached it in every run. */
  private static String cell(List<Run> runs, Collector collector) {
    List<Long> millis = runs.stream().map(run -> run.took().toMillis()).sorted().toList();
    String cell = String.format(Locale.ROOT, "%.1f s (%.1f–%.1f)", millis.get(millis.size() / 2) / 1000.0,
        millis.get(0) / 1000.0, millis.get(millis.size() - 1) / 1000.0);
    long received = runs.stream().filter(run -> run.spansReceived() > 0).count();
    if (collector == Collector.UP) {
      cell += received == runs.size() ? ", exported" : received == 0 ? ", lost" : ", exported in " + received + " of " + runs.size();
    }
    long killed = runs.stream().filter(Run::killed).count();
    return killed > 0 ? cell + ", killed in " + killed : cell;
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
