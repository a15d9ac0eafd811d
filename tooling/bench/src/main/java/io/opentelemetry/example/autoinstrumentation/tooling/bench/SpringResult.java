package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** A Spring Boot variant's launches, one a round, in round order. */
record SpringResult(Spring variant, List<Startup> launches) {

  /**
   * One launch.
   *
   * @param seconds from launching the JVM to the first 200 on {@code /server_request}
   * @param cpuSeconds the CPU time the JVM had used by then, all its threads; NaN where the platform does not tell
   */
  record Startup(double seconds, double cpuSeconds) {}

  Spread spread(ToDoubleFunction<Startup> figure) {
    return Spread.of(launches.stream().map(figure::applyAsDouble).toList());
  }

  /** The figure over {@code other}'s, round by round: launched one after the other, on the same machine state. */
  Spread ratio(ToDoubleFunction<Startup> figure, SpringResult other) {
    return Spread.ratios(launches, other.launches, figure);
  }
}
