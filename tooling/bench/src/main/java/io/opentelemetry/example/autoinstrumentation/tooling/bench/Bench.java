package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import io.opentelemetry.example.autoinstrumentation.tooling.bench.LoadGenerator.Load;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess.ServerStartException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code make bench}: what each mode costs against the same server with no telemetry, measured in one run on one
 * machine, and where that cost goes: instrumentation alone, then export over OTLP or to the console, then flame graphs.
 * Setups take turns (A B C, A B C, ...) so that drift of the machine falls on all of them alike; every launch is a new
 * JVM, warmed up until its JIT compiler has settled.
 */
public final class Bench {

  static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  /** A warm-up ends once the JIT compiler threads take less than this share of the server's CPU, three seconds running. */
  static final double JIT_SETTLED = 0.03;
  static final int QUIET_SLICES = 3;
  static final Duration MIN_WARMUP = Duration.ofSeconds(5);
  static final Duration WARMUP_SLICE = Duration.ofSeconds(1);

  private static boolean probeWarned;

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    long started = System.nanoTime();
    Path root;
    List<SetupResult> results;
    List<ProfileSet> profiles = new ArrayList<>();
    Path out;
    try (NullCollector collector = new NullCollector()) {
      root = ProjectLayout.root();
      out = root.resolve("target/bench");
      if (!options.profile().isZero()) {
        Profiler.library(root); // a missing profiler is said at once, not after the rounds
      }
      List<Setup> plan = plan(options);
      results = run(root, options, collector, plan);
      if (!options.profile().isZero()) {
        profiles = profile(root, options, collector, out);
      }
    } catch (ServerStartException | IllegalStateException e) { // a variant would not start; or not built
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    BenchReport report = new BenchReport(results, profiles, options, Machine.describe(),
        Duration.ofNanos(System.nanoTime() - started));
    System.out.print(report.table());
    report.writeTo(out);
    System.out.println("reports: " + out.resolve("bench.md") + ", " + out.resolve("bench.csv"));
    if (options.writeDocs() && options.coversTheDocs()) {
      report.writeDocs(root.resolve("docs"));
      System.out.println("docs: " + root.resolve("docs/performance.md"));
    } else if (options.writeDocs()) {
      System.out.println("docs/performance.md is left as it was: it shows a run of every variant, exporter and route,"
          + " with profiles");
    }
  }

  /** Each mode profiled once a round, the modes taking turns, on the first route; one flame graph per mode. */
  static List<ProfileSet> profile(Path root, BenchOptions options, NullCollector collector, Path out)
      throws InterruptedException, IOException {
    Path library = Profiler.library(root);
    Map<Variant, List<Profile>> rounds = new LinkedHashMap<>();
    for (int round = 1; round <= options.rounds(); round++) {
      for (Variant variant : options.variants()) {
        if (variant.isMode()) {
          Setup setup = new Setup(variant, Exporter.OTLP, BatchSettings.SHARED, options.routes().get(0));
          System.out.printf("profile  %d/%d  %s%n", round, options.rounds(), setup.label());
          rounds.computeIfAbsent(variant, unused -> new ArrayList<>()).add(Profiler.profile(root, library, setup,
              options, collector, out, variant.label + "-" + round, "cpu"));
        }
      }
    }
    List<ProfileSet> sets = new ArrayList<>();
    for (List<Profile> profiles : rounds.values()) {
      sets.add(ProfileSet.of(profiles, out.resolve("flame-" + profiles.get(0).setup().variant().label + ".svg")));
    }
    return sets;
  }

  /**
   * What to measure. On the first route: every variant exporting over OTLP (the main table), each mode also with every
   * other exporter (the decomposition), and manual with each shared batch setting put back to the SDK's default. On
   * every other route: every variant exporting over OTLP.
   */
  static List<Setup> plan(BenchOptions options) {
    List<Setup> plan = new ArrayList<>();
    for (Route route : options.routes()) {
      boolean first = route.equals(options.routes().get(0));
      for (Variant variant : options.variants()) {
        if (variant == Variant.BASELINE) {
          plan.add(new Setup(variant, Exporter.NONE, BatchSettings.SHARED, route));
        } else if (first && variant.isMode()) {
          options.exporters().forEach(exporter -> plan.add(new Setup(variant, exporter, BatchSettings.SHARED, route)));
        } else {
          plan.add(new Setup(variant, Exporter.OTLP, BatchSettings.SHARED, route));
        }
      }
      if (first && options.variants().contains(Variant.MANUAL)) {
        options.batchSettings().stream().filter(settings -> settings != BatchSettings.SHARED)
            .forEach(settings -> plan.add(new Setup(Variant.MANUAL, Exporter.OTLP, settings, route)));
      }
    }
    return plan;
  }

  static List<SetupResult> run(Path root, BenchOptions options, NullCollector collector, List<Setup> plan)
      throws InterruptedException {
    Map<Setup, SetupResult> results = new LinkedHashMap<>();
    plan.forEach(setup -> results.put(setup, new SetupResult(setup)));
    Route first = options.routes().get(0);
    for (int launch = 1; launch <= options.launches(); launch++) {
      for (Variant variant : options.variants()) {
        Setup setup = mainSetup(variant, first);
        System.out.printf("start-up %d/%d  %s%n", launch, options.launches(), variant.label);
        results.get(setup).startups.add(startup(root, setup, collector));
      }
    }
    // Unless --rate sets it, one run per route before the rounds: it finds the fixed rate, and warms up the load
    // generator, which runs in this JVM, so that the first setup measured does not pay for the generator's own JIT.
    Map<Route, Double> rates = new LinkedHashMap<>();
    for (Route route : options.routes()) {
      if (options.rate() > 0) {
        rates.put(route, options.rate());
        continue;
      }
      Setup setup = mainSetup(options.variants().get(0), route);
      System.out.printf("rate     %s  %s%n", route, setup.label());
      rates.put(route, Math.max(1, launch(root, setup, options, collector, 0).throughput() / 2));
    }
    for (int round = 1; round <= options.rounds(); round++) {
      for (Setup setup : plan) {
        System.out.printf("load     %d/%d  %s  %s%n", round, options.rounds(), setup.route(), setup.label());
        double rate = takesFixedRate(setup) && !options.pacedDuration().isZero() ? rates.get(setup.route()) : 0;
        Run run = launch(root, setup, options, collector, rate);
        results.get(setup).runs.add(run);
        System.out.printf(Locale.ROOT, "           warm-up %.0f s, %.0f req/s, %.1f µs CPU/req (JIT %.1f%%)%n",
            run.warmup().toNanos() / 1e9, run.throughput(), run.cpuMicrosPerRequest(), 100 * run.jitShare());
      }
    }
    results.values().forEach(result -> result.pacedRate = rates.get(result.setup.route()));
    return List.copyOf(results.values());
  }

  /** The setup of a variant in the main table: exporting over OTLP, the shared defaults; baseline exports nothing. */
  static Setup mainSetup(Variant variant, Route route) {
    return new Setup(variant, variant == Variant.BASELINE ? Exporter.NONE : Exporter.OTLP, BatchSettings.SHARED, route);
  }

  /** Latency at the same fixed rate is a column of the main tables only. */
  static boolean takesFixedRate(Setup setup) {
    return setup.equals(mainSetup(setup.variant(), setup.route())) || setup.batch() != BatchSettings.SHARED;
  }

  /** From JVM launch to the first 200 on the route. */
  static Duration startup(Path root, Setup setup, NullCollector collector) throws InterruptedException {
    long launched = System.nanoTime();
    try (ServerProcess server = start(root, setup, collector)) {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest request = HttpRequest.newBuilder(server.uri(setup.route().target())).timeout(Duration.ofSeconds(5)).build();
      while (true) {
        try {
          if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return Duration.ofNanos(System.nanoTime() - launched);
          }
        } catch (IOException notYet) {
          // listening, not yet serving
        }
        if (System.nanoTime() - launched > START_TIMEOUT.toNanos()) {
          throw new ServerStartException(setup.label() + " did not answer within " + START_TIMEOUT.toSeconds() + " s");
        }
        Thread.sleep(10);
      }
    }
  }

  /**
   * One launch: warm up, then load as fast as the server answers while the JVM's figures are taken, then, if {@code
   * rate} is positive, load at that fixed rate; then stop the server, which exports what it still holds, and count.
   */
  static Run launch(Path root, Setup setup, BenchOptions options, NullCollector collector, double rate)
      throws InterruptedException {
    collector.reset(setup.route().spanName());
    try (ServerProcess server = start(root, setup, collector)) {
      server.discardOutput();
      Run run;
      try (JvmProbe probe = attach(server.pid())) { // null when this JVM cannot attach: those figures are then n/a
        run = measure(server, probe, setup, options, rate);
      } catch (IOException e) {
        throw new IllegalStateException("lost the JMX connection to " + setup.label() + ": " + e.getMessage(), e);
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (setup.countsSpans() && collector.spans() < run.spansExpected() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      server.stop();
      return setup.countsSpans() ? run.withSpansExported(collector.spans()) : run;
    }
  }

  private static Run measure(ServerProcess server, JvmProbe probe, Setup setup, BenchOptions options, double rate)
      throws IOException, InterruptedException {
    LoadGenerator generator = new LoadGenerator();
    long pid = server.pid();
    URI uri = server.uri(setup.route().target());
    if (probe != null) { // the JMX agent and the first recording load and compile code of their own: before the warm-up
      probe.begin();
      probe.end();
    }
    WarmUp warmUp = warmUp(generator, server, uri, options);
    if (probe != null) {
      probe.begin();
    }
    long cpuBefore = ProcessStats.cpuNanos(pid);
    long jitBefore = ProcessStats.jitNanos(pid);
    Load measured = generator.run(uri, options.concurrency(), options.duration(), options.maxRequests());
    long cpuAfter = ProcessStats.cpuNanos(pid);
    long jitAfter = ProcessStats.jitNanos(pid);
    JvmProbe.Stats stats = probe == null ? null : probe.end();
    long peakRss = ProcessStats.peakRssBytes(pid);
    Load paced = rate > 0
        ? generator.run(uri, options.concurrency(), options.pacedDuration(), options.maxRequests(), rate)
        : null;
    long sent = warmUp.requests() + measured.requests() + (paced == null ? 0 : paced.requests());
    return new Run(measured.requests(), warmUp.failures() + measured.failures() + (paced == null ? 0 : paced.failures()),
        measured.elapsed(), measured.latencyMicros(),
        cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore,
        jitBefore < 0 || jitAfter < 0 ? -1 : jitAfter - jitBefore,
        stats, peakRss, paced == null ? null : paced.latencyMicros(),
        setup.countsSpans() ? sent : 0, 0, warmUp.elapsed());
  }

  /** What a warm-up sent, and how long it took. */
  record WarmUp(long requests, long failures, Duration elapsed) {}

  /**
   * Load in one-second slices until the JIT compiler has settled, for at least {@link #MIN_WARMUP} and at most {@code
   * --warmup}: compiling costs a fresh JVM a fifth of its CPU for the first ten seconds or more, and belongs to none of
   * its requests.
   */
  static WarmUp warmUp(LoadGenerator generator, ServerProcess server, URI uri, BenchOptions options)
      throws InterruptedException {
    long start = System.nanoTime();
    long max = options.warmup().toNanos();
    long min = Math.min(MIN_WARMUP.toNanos(), max);
    long requests = 0;
    long failures = 0;
    int settled = 0;
    while (System.nanoTime() - start < max && settled < QUIET_SLICES) {
      long cpu = ProcessStats.cpuNanos(server.pid());
      long jit = ProcessStats.jitNanos(server.pid());
      Duration slice = Duration.ofNanos(Math.min(WARMUP_SLICE.toNanos(), max - (System.nanoTime() - start)));
      Load load = generator.run(uri, options.concurrency(), slice, options.maxRequests());
      requests += load.requests();
      failures += load.failures();
      long cpuUsed = ProcessStats.cpuNanos(server.pid()) - cpu;
      long jitUsed = ProcessStats.jitNanos(server.pid()) - jit;
      boolean quiet = cpu >= 0 && jit >= 0 && cpuUsed > 0 && jitUsed < JIT_SETTLED * cpuUsed;
      settled = quiet && System.nanoTime() - start >= min ? settled + 1 : 0;
    }
    return new WarmUp(requests, failures, Duration.ofNanos(System.nanoTime() - start));
  }

  static ServerProcess start(Path root, Setup setup, NullCollector collector) {
    return ServerProcess.start(setup.variant().mode, setup.variant().command(root), setup.environment(collector),
        START_TIMEOUT);
  }

  /** A probe of the server's JVM, or null with a one-line warning (once) when this JVM cannot attach to it. */
  private static JvmProbe attach(long pid) {
    try {
      return JvmProbe.attach(pid);
    } catch (IOException | RuntimeException e) {
      if (!probeWarned) {
        probeWarned = true;
        System.err.println("warning: no allocation, GC or thread figures: " + e.getMessage());
      }
      return null;
    }
  }

  private Bench() {}
}
