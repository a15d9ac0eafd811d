package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import java.time.Duration;
import java.util.List;

/**
 * What a run measured and how: the setups it planned and its phases. Written into the run's data with its figures.
 *
 * @param full whether this is the full run, the one docs/performance.md shows, or the quick one
 * @param spring the Spring Boot variants whose start-up is measured, each launched once a round
 * @param rate the fixed rate of the paced phases, requests a second; 0: half of what the route's first setup sustained
 * @param jdk25 the JDK 25 of the JDK 25 variants, in a few words, or null when none was found
 */
record Settings(
    boolean full,
    List<Variant> variants,
    List<Spring> spring,
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

  Settings {
    spring = spring == null ? List.of() : spring; // the data of a run from before the bench launched Spring Boot
  }

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

  /**
   * What docs/performance.md shows: every variant, exporter and batch setting, both routes, profiles, and every Spring
   * Boot variant.
   */
  boolean coversTheDocs() {
    return variants.containsAll(BenchOptions.FULL_VARIANTS) && spring.containsAll(List.of(Spring.values()))
        && exporters.size() == Exporter.values().length
        && batchSettings.size() == BatchSettings.values().length && routes.size() >= 2 && profileSeconds > 0;
  }
}
