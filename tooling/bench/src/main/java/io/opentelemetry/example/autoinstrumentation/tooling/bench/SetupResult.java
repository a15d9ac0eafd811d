package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** A setup's launches: one {@link Run} per round, in round order, and its start-up times. */
final class SetupResult {

  final Setup setup;
  final List<Run> runs = new ArrayList<>();
  final List<Duration> startups = new ArrayList<>();
  /** The fixed rate of the route's fixed-rate phases, requests a second. */
  double pacedRate;

  SetupResult(Setup setup) {
    this.setup = setup;
  }

  Spread spread(ToDoubleFunction<Run> figure) {
    return Spread.of(runs.stream().map(run -> figure.applyAsDouble(run)).toList());
  }

  /** The figure over {@code other}'s, round by round: both were measured minutes apart, on the same machine state. */
  Spread ratio(ToDoubleFunction<Run> figure, SetupResult other) {
    List<Double> ratios = new ArrayList<>();
    for (int round = 0; round < Math.min(runs.size(), other.runs.size()); round++) {
      ratios.add(figure.applyAsDouble(runs.get(round)) / figure.applyAsDouble(other.runs.get(round)));
    }
    return Spread.of(ratios);
  }

  /** The figure minus {@code other}'s, round by round. */
  Spread difference(ToDoubleFunction<Run> figure, SetupResult other) {
    List<Double> differences = new ArrayList<>();
    for (int round = 0; round < Math.min(runs.size(), other.runs.size()); round++) {
      differences.add(figure.applyAsDouble(runs.get(round)) - figure.applyAsDouble(other.runs.get(round)));
    }
    return Spread.of(differences);
  }

  /** Start-up over {@code other}'s, launch by launch: the launches took turns as the rounds do. */
  Spread startupRatio(SetupResult other) {
    List<Double> ratios = new ArrayList<>();
    for (int launch = 0; launch < Math.min(startups.size(), other.startups.size()); launch++) {
      ratios.add((double) startups.get(launch).toNanos() / other.startups.get(launch).toNanos());
    }
    return Spread.of(ratios);
  }

  Spread startupSeconds() {
    return Spread.of(startups.stream().map(startup -> startup.toNanos() / 1e9).toList());
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
