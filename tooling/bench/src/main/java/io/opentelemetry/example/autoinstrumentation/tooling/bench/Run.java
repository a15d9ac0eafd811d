package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * What one launch of a setup measured: its load phase at saturation, the JVM's figures over that phase, the optional
 * phase at a fixed rate, and the spans it exported.
 *
 * @param jvm null when the bench could not attach to the server
 * @param paced null when the setup takes no fixed-rate phase
 */
record Run(
    long requests,
    long failures,
    Duration elapsed,
    Histogram latencyMicros,
    long cpuNanos,
    long jitNanos,
    JvmProbe.Stats jvm,
    long peakRssBytes,
    Histogram paced,
    long spansExpected,
    long spansExported,
    Duration warmup) {

  /** This run, with the spans that reached the receiver once the server had stopped. */
  Run withSpansExported(long exported) {
    return new Run(requests, failures, elapsed, latencyMicros, cpuNanos, jitNanos, jvm, peakRssBytes, paced,
        spansExpected, exported, warmup);
  }

  double throughput() {
    return elapsed.isZero() ? Double.NaN : requests / (elapsed.toNanos() / 1e9);
  }

  double latencyMillis(double percentile) {
    return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
  }

  double maxLatencyMillis() {
    return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1000.0;
  }

  double pacedMillis(double percentile) {
    return paced == null || paced.getTotalCount() == 0 ? Double.NaN : paced.getValueAtPercentile(percentile) / 1000.0;
  }

  double cpuMicrosPerRequest() {
    return requests == 0 || cpuNanos < 0 ? Double.NaN : cpuNanos / 1000.0 / requests;
  }

  /** The share of the phase's CPU that went to compiling: near zero once the server is warm. */
  double jitShare() {
    return cpuNanos <= 0 || jitNanos < 0 ? Double.NaN : (double) jitNanos / cpuNanos;
  }

  double allocatedKibPerRequest() {
    return jvm == null || requests == 0 ? Double.NaN : jvm.allocatedBytes() / 1024.0 / requests;
  }

  double gcPauseMicrosPerRequest() {
    return jvm == null || requests == 0 ? Double.NaN : jvm.gcPauseNanos() / 1000.0 / requests;
  }

  double longestPauseMillis() {
    return jvm == null ? Double.NaN : jvm.longestPauseNanos() / 1e6;
  }

  double peakThreads() {
    return jvm == null ? Double.NaN : jvm.peakThreads();
  }

  double peakRssMib() {
    return peakRssBytes < 0 ? Double.NaN : peakRssBytes / 1024.0 / 1024.0;
  }
}
