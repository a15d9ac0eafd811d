package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import io.opentelemetry.example.autoinstrumentation.tooling.bench.LoadGenerator.Load;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.OtlpReceiver;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess.ServerStartException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One launch of a setup: a new JVM, timed to its first answer, warmed up until its JIT compiler has settled, then
 * measured under load as fast as it answers and at a fixed rate, then stopped, its spans counted. A Spring Boot
 * variant's launch stops at its first answer.
 */
final class Launch {

  static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  /** Start-up is the time to the first 200 on this route, whichever route the launch then loads. */
  static final Route STARTED = Route.SERVER_REQUEST;
  /** A warm-up ends once the JIT compiler takes less than this share of the server's CPU, three seconds running. */
  static final double JIT_SETTLED = 0.03;
  static final int QUIET_SLICES = 3;
  static final Duration MIN_WARMUP = Duration.ofSeconds(5);
  static final Duration WARMUP_SLICE = Duration.ofSeconds(1);

  private static boolean probeWarned;

  /**
   * Launches {@code setup} and measures it. The paced phase runs at {@code rate} requests a second; at half of what
   * this launch sustained when {@code rate} is 0 and {@code setup} takes one; not at all when it takes none.
   */
  static Run run(Launcher launcher, Setup setup, Settings settings, OtlpReceiver receiver, double rate)
      throws InterruptedException {
    receiver.resetCounts();
    long launched = System.nanoTime();
    try (ServerProcess server = start(launcher, setup, receiver)) {
      double startup = firstAnswer(server, setup.label(), launched);
      server.discardOutput();
      Run run;
      try (JvmProbe probe = attach(server.pid())) { // null when this JVM cannot attach: those figures are then n/a
        run = measure(server, probe, setup, settings, rate, startup);
      } catch (IOException e) {
        throw new IllegalStateException("lost the JMX connection to " + setup.label() + ": " + e.getMessage(), e);
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (setup.countsSpans() && spans(receiver, setup) < run.spansExpected() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      server.stop();
      return setup.countsSpans() ? run.withSpansExported(spans(receiver, setup)) : run;
    }
  }

  /**
   * A launch of a Spring Boot variant, for its start-up only: timed to its first answer, its CPU time read as soon as
   * it answered, then stopped.
   */
  static SpringResult.Startup startup(Launcher launcher, Spring variant) throws InterruptedException {
    long launched = System.nanoTime();
    try (ServerProcess server = ServerProcess.start(variant, variant.command(launcher.root(), List.of()), Map.of(),
        START_TIMEOUT)) {
      double seconds = firstAnswer(server, variant.label, launched);
      long cpu = ProcessStats.cpuNanos(server.pid());
      server.discardOutput();
      server.stop();
      return new SpringResult.Startup(seconds, cpu < 0 ? Double.NaN : cpu / 1e9);
    }
  }

  static ServerProcess start(Launcher launcher, Setup setup, OtlpReceiver receiver) {
    return ServerProcess.start(setup.variant().mode, launcher.command(setup.variant()), setup.environment(receiver),
        START_TIMEOUT);
  }

  private static long spans(OtlpReceiver receiver, Setup setup) {
    return receiver.spansNamed(setup.route().spanName());
  }

  /** Seconds from the JVM's launch to the first 200 on {@link #STARTED}. */
  private static double firstAnswer(ServerProcess server, String label, long launched) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(server.uri(STARTED.target())).timeout(Duration.ofSeconds(5)).build();
    while (true) {
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return (System.nanoTime() - launched) / 1e9;
        }
      } catch (IOException notYet) {
        // listening, not yet serving
      }
      if (System.nanoTime() - launched > START_TIMEOUT.toNanos()) {
        throw new ServerStartException(label + " did not answer within " + START_TIMEOUT.toSeconds() + " s");
      }
      Thread.sleep(10);
    }
  }

  private static Run measure(ServerProcess server, JvmProbe probe, Setup setup, Settings settings, double rate,
      double startup) throws IOException, InterruptedException {
    LoadGenerator generator = new LoadGenerator();
    long pid = server.pid();
    URI uri = server.uri(setup.route().target());
    if (probe != null) { // the JMX agent and the first recording load and compile code of their own: before the warm-up
      probe.begin();
      probe.end();
    }
    WarmUp warmUp = warmUp(generator, pid, probe, uri, settings);
    if (probe != null) {
      probe.begin();
    }
    long cpuBefore = ProcessStats.cpuNanos(pid);
    long jitBefore = compilationNanos(probe);
    Load measured = generator.run(uri, settings.concurrency(), settings.duration(), settings.maxRequests());
    long cpuAfter = ProcessStats.cpuNanos(pid);
    long jitAfter = compilationNanos(probe);
    JvmProbe.Stats stats = probe == null ? null : probe.end();
    long peakRss = ProcessStats.peakRssBytes(pid);
    double pacedRate = !setup.takesFixedRate() || settings.pacedDuration().isZero() ? 0
        : rate > 0 ? rate : Math.max(1, measured.throughput() / 2);
    Load paced = pacedRate > 0
        ? generator.run(uri, settings.concurrency(), settings.pacedDuration(), settings.maxRequests(), pacedRate)
        : null;
    long requests = measured.requests();
    long cpu = cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;
    long jit = jitBefore < 0 || jitAfter < 0 ? -1 : jitAfter - jitBefore;
    // the request that timed the start-up made a span too, when it was on the route counted
    long sent = (setup.route().path().equals(STARTED.path()) ? 1 : 0) + warmUp.requests() + requests
        + (paced == null ? 0 : paced.requests());
    return new Run(startup, warmUp.elapsed().toNanos() / 1e9, requests,
        warmUp.failures() + measured.failures() + (paced == null ? 0 : paced.failures()),
        measured.throughput(), millis(measured.latencyMicros(), 50), millis(measured.latencyMicros(), 99),
        max(measured.latencyMicros()), pacedRate, mean(paced), millis(paced, 50), millis(paced, 95), millis(paced, 99),
        requests == 0 || cpu < 0 ? Double.NaN : cpu / 1000.0 / requests,
        cpu <= 0 || jit < 0 ? Double.NaN : (double) jit / cpu,
        stats == null || requests == 0 ? Double.NaN : stats.allocatedBytes() / 1024.0 / requests,
        stats == null || requests == 0 ? Double.NaN : stats.gcPauseNanos() / 1000.0 / requests,
        stats == null ? Double.NaN : stats.longestPauseNanos() / 1e6,
        stats == null ? -1 : stats.collections(),
        stats == null ? Double.NaN : stats.peakThreads(),
        peakRss < 0 ? Double.NaN : peakRss / 1024.0 / 1024.0,
        setup.countsSpans() ? sent : 0, 0);
  }

  /** What a warm-up sent, and how long it took. */
  record WarmUp(long requests, long failures, Duration elapsed) {}

  /**
   * Load in one-second slices until the JIT compiler has settled, for at least {@link #MIN_WARMUP} and at most {@code
   * --warmup}: compiling costs a fresh JVM a fifth of its CPU for the first ten seconds or more, and belongs to none of
   * its requests. Without a probe, the JIT's time is unknown and the warm-up takes its longest.
   */
  static WarmUp warmUp(LoadGenerator generator, long pid, JvmProbe probe, URI uri, Settings settings)
      throws InterruptedException, IOException {
    long start = System.nanoTime();
    long max = settings.warmup().toNanos();
    long min = Math.min(MIN_WARMUP.toNanos(), max);
    long requests = 0;
    long failures = 0;
    int settled = 0;
    while (System.nanoTime() - start < max && settled < QUIET_SLICES) {
      long cpu = ProcessStats.cpuNanos(pid);
      long jit = compilationNanos(probe);
      Duration slice = Duration.ofNanos(Math.min(WARMUP_SLICE.toNanos(), max - (System.nanoTime() - start)));
      Load load = generator.run(uri, settings.concurrency(), slice, settings.maxRequests());
      requests += load.requests();
      failures += load.failures();
      long cpuUsed = ProcessStats.cpuNanos(pid) - cpu;
      long jitUsed = compilationNanos(probe) - jit;
      boolean quiet = cpu >= 0 && jit >= 0 && cpuUsed > 0 && jitUsed < JIT_SETTLED * cpuUsed;
      settled = quiet && System.nanoTime() - start >= min ? settled + 1 : 0;
    }
    return new WarmUp(requests, failures, Duration.ofNanos(System.nanoTime() - start));
  }

  private static long compilationNanos(JvmProbe probe) throws IOException {
    return probe == null ? -1 : probe.compilationNanos();
  }

  /** A probe of the server's JVM, or null with a one-line warning (once) when this JVM cannot attach to it. */
  static JvmProbe attach(long pid) {
    try {
      return JvmProbe.attach(pid);
    } catch (IOException | RuntimeException e) {
      if (!probeWarned) {
        probeWarned = true;
        System.err.println("warning: no allocation, GC, thread or JIT figures: " + e.getMessage());
      }
      return null;
    }
  }

  private static double millis(Histogram latency, double percentile) {
    return latency == null || latency.getTotalCount() == 0 ? Double.NaN
        : latency.getValueAtPercentile(percentile) / 1000.0;
  }

  private static double max(Histogram latency) {
    return latency.getTotalCount() == 0 ? Double.NaN : latency.getMaxValue() / 1000.0;
  }

  private static double mean(Load paced) {
    return paced == null || paced.latencyMicros().getTotalCount() == 0 ? Double.NaN
        : paced.latencyMicros().getMean() / 1000.0;
  }

  private static double millis(Load paced, double percentile) {
    return paced == null ? Double.NaN : millis(paced.latencyMicros(), percentile);
  }

  private Launch() {}
}
