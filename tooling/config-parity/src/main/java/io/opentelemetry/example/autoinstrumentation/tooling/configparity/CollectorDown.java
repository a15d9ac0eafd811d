package io.opentelemetry.example.autoinstrumentation.tooling.configparity;

import static io.opentelemetry.example.autoinstrumentation.tooling.configparity.ConfigTable.SAMPLED;
import static io.opentelemetry.example.autoinstrumentation.tooling.configparity.ConfigTable.traceparent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A collector that accepts connections and never answers: requests are served as fast as when it answers, each export
 * is given up after OTEL_EXPORTER_OTLP_TIMEOUT, and SIGTERM ends the process within that timeout plus two seconds more
 * than the same mode takes to stop, in the same run, with a collector that answers: the agent's exporter, with a timeout
 * this short, waits out one retry back-off of about a second before it gives up the last export.
 */
final class CollectorDown {

  /**
   * A request that waited on the hung export would take the export timeout, a second, some hundred times its usual few
   * milliseconds; twice is room for a machine that other work shares.
   */
  static final double LATENCY_RATIO = 2.0;
  static final Duration TIMEOUT = Duration.ofSeconds(1); // OTEL_EXPORTER_OTLP_TIMEOUT in the group's environment
  static final String EXPECTED_LATENCY = "served as fast as with the collector answering (within 2×, round by round)";
  static final String EXPECTED_TIMEOUT =
      "export given up, `Failed to export` logged; SIGTERM: exits within the timeout + 2 s (beyond an ordinary stop)";
  private static final int WARM_UP = 40;
  private static final int ROUNDS = 8;
  private static final int PER_ROUND = 15;

  static void run(ModeRun run) {
    for (int i = 0; i < WARM_UP; i++) {
      run.timeRequest("warm");
    }
    // Rounds of collector up and collector hanging, in turn, so that the machine's other load falls on both alike; the
    // median of the rounds' ratios, so that a burst of it in one round does not decide.
    List<Double> ratios = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      List<Long> up = new ArrayList<>();
      List<Long> down = new ArrayList<>();
      run.receiver.startAnswering();
      for (int i = 0; i < PER_ROUND; i++) {
        up.add(run.timeRequest("up"));
      }
      run.receiver.stopAnswering();
      for (int i = 0; i < PER_ROUND; i++) {
        down.add(run.timeRequest("down"));
      }
      ratios.add((double) median(down) / median(up));
    }
    run.measure("latency ratio", ratios.stream().sorted().toList().get(ROUNDS / 2));
    run.send("baggage", traceparent(SAMPLED, true), "baggage: tenant=acme");
    run.measure("failure logged", run.awaitLine("Failed to export", TIMEOUT.plusSeconds(3)));
    run.send("last"); // queued when SIGTERM comes: the shutdown exports it, to the collector that hangs
    run.stop();
  }

  static String latency(ModeRun run) {
    double ratio = (double) run.measured("latency ratio");
    return ratio <= LATENCY_RATIO ? EXPECTED_LATENCY : String.format("median %.1f× slower with the collector hanging", ratio);
  }

  static String timeout(ModeRun run) {
    boolean logged = (boolean) run.measured("failure logged");
    Duration extra = run.stopTook().minus(run.ordinaryStop()); // the machine's own pace taken out
    return (logged ? "export given up, `Failed to export` logged" : "no export given up")
        + (extra.compareTo(TIMEOUT.plusSeconds(2)) <= 0 ? "; SIGTERM: exits within the timeout + 2 s (beyond an ordinary stop)"
            : String.format("; SIGTERM: exits %.1f s later than an ordinary stop", extra.toMillis() / 1000.0));
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private CollectorDown() {}
}
