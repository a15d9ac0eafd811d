package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.OtlpReceiver;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess.ServerStartException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ParameterException;

/**
 * {@code make bench}: what each mode and each start-up recipe costs against the same server with no telemetry,
 * measured in one run on one machine, and the Spring Boot service's start-up against the same service without
 * telemetry. Setups take turns (A B C, A B C, ...) so that drift of the machine falls on all of them alike; every
 * launch is a new JVM, timed to its first answer, then warmed up until its JIT compiler has settled and measured (a
 * Spring Boot variant's is stopped once it answers). The results are data first (target/bench/bench.json); the full
 * run's are committed as docs/performance.json, and docs/performance.md is written from them.
 */
public final class Bench {

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    Settings settings;
    Optional<Path> jdk25;
    Path root = ProjectLayout.root();
    try {
      options = BenchOptions.parse(args);
      if (options.help) {
        options.spec.commandLine().usage(System.out);
        return;
      }
      if (options.rewriteDocs) {
        if (!Files.isRegularFile(root.resolve("docs").resolve(PerformanceDoc.DATA))) {
          throw new IllegalArgumentException("docs/performance.json is missing: make bench FULL=1 writes it");
        }
        PerformanceDoc.write(root.resolve("docs"));
        System.out.println("docs: " + root.resolve("docs/performance.md") + ", from docs/performance.json");
        return;
      }
      jdk25 = Launcher.findJdk25(options.jdk25);
      settings = options.settings(jdk25.map(Launcher::describe).orElse(null));
      if (jdk25.isEmpty()) {
        System.out.println("no JDK 25 found (--jdk25 DIR names one): the AOT variants are left out");
      }
      if (options.writeDocs && !settings.coversTheDocs()) {
        throw new ParameterException(options.spec.commandLine(), "--docs takes a full run of every variant (--full,"
            + " and a JDK 25): docs/performance.md shows them all");
      }
    } catch (ParameterException | IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    long started = System.nanoTime();
    Launcher launcher = Launcher.of(root, jdk25.orElse(null));
    Path out = root.resolve("target/bench");
    List<SetupResult> results;
    List<SpringResult> spring;
    List<ProfileSummary> profiles = new ArrayList<>();
    try (OtlpReceiver receiver = OtlpReceiver.counting()) {
      if (settings.profileSeconds() > 0) {
        Profiler.library(root); // a missing profiler is said at once, not after the rounds
      }
      spring = startups(launcher, settings); // first: a Spring Boot jar not built is said at once too
      warmUpTheLoad(receiver, settings);
      for (Variant variant : settings.variants()) {
        if (variant.aot) {
          System.out.printf("train    %s (its AOT cache)%n", variant.label);
          AotTraining.train(launcher, variant, settings.routes(), receiver);
        }
      }
      results = run(launcher, settings, receiver, plan(settings));
      if (settings.profileSeconds() > 0) {
        profiles = profile(launcher, settings, receiver, out);
      }
    } catch (ServerStartException | IllegalStateException e) { // a variant would not start; or not built
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    BenchData data = BenchData.of(LocalDate.now().toString(), Machine.describe(), Machine.jdk(), Math.max(1,
        Math.round(Duration.ofNanos(System.nanoTime() - started).toSeconds() / 60.0)), settings, results, spring,
        profiles);
    BenchReport report = new BenchReport(data);
    System.out.print(report.console());
    report.writeTo(out);
    System.out.println("data: " + out.resolve("bench.json") + " (and bench.csv, bench.md)");
    if (options.writeDocs) {
      data.write(root.resolve("docs").resolve(PerformanceDoc.DATA));
      report.writeFlameGraphs(root.resolve("docs"));
      PerformanceDoc.write(root.resolve("docs"));
      System.out.println("docs: " + root.resolve("docs/performance.md") + ", written from docs/performance.json");
    } else if (!settings.full()) {
      System.out.println("the docs are left as they are: make bench FULL=1 measures what they show");
    }
  }

  /** How long the load generator warms up before the first launch. */
  static final Duration LOAD_WARMUP = Duration.ofSeconds(5);

  /**
   * The load generator runs in this JVM, on the cores the servers use: compiling its own code would take CPU from the
   * first setup measured. So it first loads the receiver, which answers any request, until its code is compiled.
   */
  static void warmUpTheLoad(OtlpReceiver receiver, Settings settings) throws InterruptedException {
    LoadGenerator generator = new LoadGenerator();
    URI uri = URI.create(receiver.endpoint() + "/");
    Duration half = LOAD_WARMUP.dividedBy(2);
    generator.run(uri, settings.concurrency(), half, settings.maxRequests());
    generator.run(uri, settings.concurrency(), half, settings.maxRequests(), 1000);
  }

  /** Each mode profiled once a round, the modes taking turns, on the first route; one flame graph per mode. */
  static List<ProfileSummary> profile(Launcher launcher, Settings settings, OtlpReceiver receiver, Path out)
      throws InterruptedException, IOException {
    Path library = Profiler.library(launcher.root());
    Map<Variant, List<Profile>> rounds = new LinkedHashMap<>();
    for (int round = 1; round <= settings.rounds(); round++) {
      for (Variant variant : settings.variants()) {
        if (variant.isMode()) {
          Setup setup = Setup.main(variant, settings.firstRoute());
          System.out.printf("profile  %d/%d  %s%n", round, settings.rounds(), setup.label());
          rounds.computeIfAbsent(variant, unused -> new ArrayList<>()).add(Profiler.profile(launcher, library, setup,
              settings, receiver, out, variant.label + "-" + round, "cpu"));
        }
      }
    }
    List<ProfileSummary> summaries = new ArrayList<>();
    for (List<Profile> profiles : rounds.values()) {
      summaries.add(ProfileSummary.of(profiles,
          out.resolve("flame-" + profiles.get(0).setup().variant().label + ".svg")));
    }
    return summaries;
  }

  /**
   * The Spring Boot variants' start-up: each launched once a round, the variants taking turns, and stopped once it
   * answers.
   */
  static List<SpringResult> startups(Launcher launcher, Settings settings) throws InterruptedException {
    Map<Spring, List<SpringResult.Startup>> launches = new LinkedHashMap<>();
    settings.spring().forEach(variant -> launches.put(variant, new ArrayList<>()));
    for (int round = 1; round <= settings.rounds(); round++) {
      for (Spring variant : settings.spring()) {
        System.out.printf("start    %d/%d  %s%n", round, settings.rounds(), variant.label);
        SpringResult.Startup startup = Launch.startup(launcher, variant);
        launches.get(variant).add(startup);
        System.out.printf(Locale.ROOT, "           start-up %.2f s, CPU %.2f s%n", startup.seconds(),
            startup.cpuSeconds());
      }
    }
    return launches.entrySet().stream().map(entry -> new SpringResult(entry.getKey(), List.copyOf(entry.getValue())))
        .toList();
  }

  /**
   * What to measure. On every route: every variant exporting over OTLP (the main tables), the recipes on the last
   * route only. On the first: each mode also with every other exporter (the decomposition), and manual with each
   * shared batch setting put back to the SDK's default.
   */
  static List<Setup> plan(Settings settings) {
    List<Setup> plan = new ArrayList<>();
    Route last = settings.routes().get(settings.routes().size() - 1);
    for (Route route : settings.routes()) {
      boolean first = route.equals(settings.firstRoute());
      for (Variant variant : settings.variants()) {
        if (variant.isRecipe() && !route.equals(last)) {
          continue;
        }
        if (first && variant.isMode()) {
          settings.exporters().forEach(exporter -> plan.add(new Setup(variant, exporter, BatchSettings.SHARED, route)));
        } else {
          plan.add(Setup.main(variant, route));
        }
      }
      if (first && settings.variants().contains(Variant.MANUAL)) {
        settings.batchSettings().stream().filter(batch -> batch != BatchSettings.SHARED)
            .forEach(batch -> plan.add(new Setup(Variant.MANUAL, Exporter.OTLP, batch, route)));
      }
    }
    return plan;
  }

  /**
   * Every setup once a round, in the plan's order. Unless {@code --rate} sets it, a route's fixed rate is half of
   * what its first setup sustained in the first round, which takes the rate it finds itself.
   */
  static List<SetupResult> run(Launcher launcher, Settings settings, OtlpReceiver receiver, List<Setup> plan)
      throws InterruptedException {
    Map<Setup, List<Run>> runs = new LinkedHashMap<>();
    plan.forEach(setup -> runs.put(setup, new ArrayList<>()));
    Map<Route, Double> rates = new LinkedHashMap<>();
    for (int round = 1; round <= settings.rounds(); round++) {
      for (Setup setup : plan) {
        System.out.printf("load     %d/%d  %s  %s%n", round, settings.rounds(), setup.route(), setup.label());
        double rate = settings.rate() > 0 ? settings.rate() : rates.getOrDefault(setup.route(), 0.0);
        Run run = Launch.run(launcher, setup, settings, receiver, rate);
        runs.get(setup).add(run);
        if (run.pacedRate() > 0) {
          rates.putIfAbsent(setup.route(), run.pacedRate());
        } else if (settings.rate() == 0) {
          rates.putIfAbsent(setup.route(), Math.max(1, run.throughput() / 2));
        }
        System.out.printf(Locale.ROOT, "           start-up %.2f s, warm-up %.0f s, %.0f req/s, %.1f µs CPU/req"
                + " (JIT %.1f%%)%n", run.startupSeconds(), run.warmupSeconds(), run.throughput(),
            run.cpuMicrosPerRequest(), 100 * run.jitShare());
      }
    }
    return runs.entrySet().stream().map(entry -> new SetupResult(entry.getKey(), List.copyOf(entry.getValue())))
        .toList();
  }

  private Bench() {}
}
