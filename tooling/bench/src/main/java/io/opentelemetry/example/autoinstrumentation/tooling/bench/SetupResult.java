package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** A setup's launches: one {@link Run} per round, in round order. */
record SetupResult(Setup setup, List<Run> runs) {

  Spread spread(ToDoubleFunction<Run> figure) {
    return Spread.of(runs.stream().map(figure::applyAsDouble).toList());
  }

  /** The figure over {@code other}'s, round by round: both were measured minutes apart, on the same machine state. */
  Spread ratio(ToDoubleFunction<Run> figure, SetupResult other) {
    return Spread.ratios(runs, other.runs, figure);
  }

  /** The figure minus {@code other}'s, round by round. */
  Spread difference(ToDoubleFunction<Run> figure, SetupResult other) {
    List<Double> differences = new ArrayList<>();
    for (int round = 0; round < Math.min(runs.size(), other.runs.size()); round++) {
      differences.add(figure.applyAsDouble(runs.get(round)) - figure.applyAsDouble(other.runs.get(round)));
    }
    return Spread.of(differences);
  }

  /** The fixed rate of its paced phases, requests a second; 0 when it takes none. */
  double pacedRate() {
    return runs.stream().mapToDouble(Run::pacedRate).filter(rate -> rate > 0).findFirst().orElse(0);
  }

  long failures() {
    return runs.stream().mapToLong(Run::failures).sum();
  }

  long spansExpected() {
    return runs.stream().mapToLong(Run::spansExpected).sum();
  }

  long spansExported() {
    return runs.stream().mapToLong(Run::spansExported).sum();
  }
}
