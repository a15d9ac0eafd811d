package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import java.time.Duration;
import java.util.List;

/**
 * What a run measured and how: the setups it planned and its phases. Written into the run's data with its figures.
 *
 * @param full whether this is the full run, the one docs/performance.md shows, or the quick one
 * @param rate the fixed rate of the paced phases, requests a second; 0: half of what the route's first setup sustained
 * @param jdk25 the JDK 25 of the JDK 25 variants, in a few words, or null when none was found
 */
record Settings(
    boolean full,
    List<Variant> variants,
    List<Route> routes,
    List<Exporter> exporters,
    List<BatchSettings> batchSettings,
    int rounds,
    int concurrency,
    int warmupSeconds,
    int durationSeconds,
    int pacedDurationSeconds,
    double rate,
    long maxRequests,
    int profileSeconds,
    String jdk25) {

  Duration warmup() {
    return Duration.ofSeconds(warmupSeconds);
  }

  Duration duration() {
    return Duration.ofSeconds(durationSeconds);
  }

  Duration pacedDuration() {
    return Duration.ofSeconds(pacedDurationSeconds);
  }

  Duration profile() {
    return Duration.ofSeconds(profileSeconds);
  }

  Route firstRoute() {
    return routes.get(0);
  }

  /** What docs/performance.md shows: every variant, exporter and batch setting, both routes, and profiles. */
  boolean coversTheDocs() {
    return variants.containsAll(BenchOptions.FULL_VARIANTS) && exporters.size() == Exporter.values().length
        && batchSettings.size() == BatchSettings.values().length && routes.size() >= 2 && profileSeconds > 0;
  }
}
