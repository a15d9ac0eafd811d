package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import io.opentelemetry.example.autoinstrumentation.tooling.bench.FlameGraph.Share;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A server's CPU profile under load: its flame graph, and the CPU a request cost while it was taken, so that each
 * share of the samples reads as microseconds per request.
 *
 * @param event async-profiler's event: {@code cpu} (perf_events, or its fallback), {@code itimer} or {@code wall}
 */
record Profile(
    Setup setup, String event, long requests, long cpuNanos, FlameGraph graph, Path collapsed, Path svg, Path html) {

  double cpuMicrosPerRequest() {
    return requests == 0 || cpuNanos < 0 ? Double.NaN : cpuNanos / 1000.0 / requests;
  }

  /** The CPU per request that went to {@code share}, by its share of the samples. */
  double micros(Share share) {
    return graph.share(share) * cpuMicrosPerRequest();
  }

  /** What sampled the profile, in words, as far as the stacks show it. */
  String engine() {
    if (!event.equals("cpu")) {
      return "event " + event;
    }
    return graph.kernelFrames
        ? "event cpu on perf_events (kernel frames included)"
        : "event cpu without kernel frames (perf_events limited to user space, or async-profiler's timer fallback)";
  }

  String title() {
    return setup.variant().label + ": where the server's CPU goes under load";
  }

  String subtitle() {
    return subtitle(1);
  }

  /** What was profiled and how; {@code launches} profiles of as many server launches may be merged into one graph. */
  String subtitle(int launches) {
    return String.format(Locale.ROOT, "%s, %s on %s; %,d samples over %,d requests%s, %.0f µs of CPU a request;"
            + " async-profiler %s", setup.variant().description, setup.exporter().label, setup.route(),
        graph.samples(), requests, launches > 1 ? " in " + launches + " launches" : "", cpuMicrosPerRequest(), engine());
  }

  /** A few lines for the console: the shares, then the largest OpenTelemetry operations. */
  String summary() {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s%n%s%n", title(), subtitle()));
    for (Share share : Share.values()) {
      out.append(String.format(Locale.ROOT, "  %5.1f%%  %5.1f µs/request  %s%n", 100 * graph.share(share),
          micros(share), share.label));
    }
    for (Share share : new Share[] {Share.REQUEST_PATH, Share.BACKGROUND}) {
      for (Map.Entry<String, Double> operation : graph.topOperations(share, 5)) {
        out.append(String.format(Locale.ROOT, "  %5.1f%%  %s: %s%n", 100 * operation.getValue(),
            share == Share.REQUEST_PATH ? "request path" : "background", operation.getKey()));
      }
    }
    return out.toString();
  }
}
