package io.opentelemetry.example.autoinstrumentation.tooling.bench;

/**
 * What one launch of a setup measured, as the run's data keeps it: its start-up, its load phase as fast as it answers
 * and the JVM's figures over that phase, the optional phase at a fixed rate, and the spans it exported. A figure the
 * launch could not take is NaN (null in the data).
 *
 * @param startupSeconds from the JVM's launch to the first 200 on {@code /server_request}
 * @param pacedRate the fixed rate of the paced phase, requests a second; 0 when the setup takes none
 * @param jitShare the share of the phase's CPU time that the JIT compiler spent compiling
 */
record Run(
    double startupSeconds,
    double warmupSeconds,
    long requests,
    long failures,
    double throughput,
    double p50Millis,
    double p99Millis,
    double maxMillis,
    double pacedRate,
    double pacedMeanMillis,
    double pacedP50Millis,
    double pacedP95Millis,
    double pacedP99Millis,
    double cpuMicrosPerRequest,
    double jitShare,
    double allocatedKibPerRequest,
    double gcPauseMicrosPerRequest,
    double longestPauseMillis,
    long collections,
    double peakThreads,
    double peakRssMib,
    long spansExpected,
    long spansExported) {

  /** This run, with the spans that reached the receiver once the server had stopped. */
  Run withSpansExported(long exported) {
    return new Run(startupSeconds, warmupSeconds, requests, failures, throughput, p50Millis, p99Millis, maxMillis,
        pacedRate, pacedMeanMillis, pacedP50Millis, pacedP95Millis, pacedP99Millis, cpuMicrosPerRequest, jitShare,
        allocatedKibPerRequest, gcPauseMicrosPerRequest, longestPauseMillis, collections, peakThreads, peakRssMib,
        spansExpected, exported);
  }
}
