package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** A figure over the rounds of a run: its median and its range, min to max. */
record Spread(double median, double min, double max, int rounds) {

  static final Spread NONE = new Spread(Double.NaN, Double.NaN, Double.NaN, 0);

  static Spread of(List<Double> values) {
    List<Double> sorted = new ArrayList<>();
    values.stream().filter(value -> !value.isNaN() && !value.isInfinite()).forEach(sorted::add);
    if (sorted.isEmpty()) {
      return NONE;
    }
    sorted.sort(null);
    int middle = sorted.size() / 2;
    double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    return new Spread(median, sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
  }

  /** The figure of each run over the same round's run of {@code others}, as far as both go. */
  static <T> Spread ratios(List<T> runs, List<T> others, ToDoubleFunction<T> figure) {
    List<Double> ratios = new ArrayList<>();
    for (int round = 0; round < Math.min(runs.size(), others.size()); round++) {
      ratios.add(figure.applyAsDouble(runs.get(round)) / figure.applyAsDouble(others.get(round)));
    }
    return of(ratios);
  }

  boolean isKnown() {
    return rounds > 0;
  }

  /** True when every round lies on the same side of {@code value}: a difference beyond the noise of the run. */
  boolean excludes(double value) {
    return isKnown() && (min > value || max < value);
  }

  /** {@code 26.1 (25.0–27.3)}, with the digits of {@code format}; one round shows no range. */
  String format(String format) {
    if (!isKnown()) {
      return "n/a";
    }
    String median = String.format(Locale.ROOT, format, this.median);
    if (rounds == 1) {
      return median;
    }
    return median + " (" + String.format(Locale.ROOT, format, min) + "–" + String.format(Locale.ROOT, format, max) + ")";
  }

  /** A ratio: {@code 1.12× (1.05–1.18)}. */
  String ratio() {
    if (!isKnown()) {
      return "n/a";
    }
    String median = String.format(Locale.ROOT, "%.2f×", this.median);
    return rounds == 1 ? median
        : median + " (" + String.format(Locale.ROOT, "%.2f", min) + "–" + String.format(Locale.ROOT, "%.2f", max) + ")";
  }
}
