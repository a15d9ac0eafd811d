package io.opentelemetry.example.autoinstrumentation.client.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/** One variant's figures, summed over the rounds of a run. */
final class VariantResult {

  final Variant variant;
  final List<Duration> startups = new ArrayList<>();
  final Histogram latencyMicros = new Histogram(60_000_000L, 3);
  /** Latency at the same fixed rate for every variant, from when each request was due. */
  final Histogram pacedLatencyMicros = new Histogram(60_000_000L, 3);
  long requests;
  long failures;
  long measuredNanos;
  long cpuNanos;
  long peakRssBytes;
  long spansExpected;
  long spansExported;
  double pacedRate;

  VariantResult(Variant variant) {
    this.variant = variant;
  }

  double medianStartupSeconds() {
    List<Duration> sorted = new ArrayList<>(startups);
    sorted.sort(null);
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int middle = sorted.size() / 2;
    long nanos = sorted.size() % 2 == 1 ? sorted.get(middle).toNanos()
        : (sorted.get(middle - 1).toNanos() + sorted.get(middle).toNanos()) / 2;
    return nanos / 1e9;
  }

  double throughput() {
    return measuredNanos == 0 ? 0 : requests / (measuredNanos / 1e9);
  }

  double latencyMillis(double percentile) {
    return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
  }

  double pacedLatencyMillis(double percentile) {
    return pacedLatencyMicros.getValueAtPercentile(percentile) / 1000.0;
  }

  double maxLatencyMillis() {
    return latencyMicros.getMaxValue() / 1000.0;
  }

  double cpuMicrosPerRequest() {
    return requests == 0 || cpuNanos < 0 ? Double.NaN : cpuNanos / 1000.0 / requests;
  }

  double peakRssMib() {
    return peakRssBytes / 1024.0 / 1024.0;
  }

  long droppedSpans() {
    return variant.exportsSpans() ? spansExpected - spansExported : 0;
  }
}
