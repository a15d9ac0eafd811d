package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The bench's command line. Without {@code --full}, a quick run: the recipes on the representative route, one round
 * of short phases and baseline measured twice, each Spring Boot variant launched once, in a few minutes; {@code
 * --full}, the run docs/performance.md shows. Any option overrides what the preset sets.
 */
@Command(name = "bench", sortOptions = false, usageHelpAutoWidth = true,
    description = "Measures each mode and each start-up recipe against the server without telemetry, and the Spring"
        + " Boot service's start-up against the same service without telemetry.")
final class BenchOptions {

  /** What the full run measures; the quick run adds baseline-again, which measures the run's noise. */
  static final List<Variant> FULL_VARIANTS =
      Arrays.stream(Variant.values()).filter(variant -> variant != Variant.BASELINE_AGAIN).toList();

  @Spec
  CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "this list")
  boolean help;

  @Option(names = "--full", description = "the full run: both routes, every exporter and batch setting, 3 rounds,"
      + " profiles (about 50 min)")
  boolean full;

  @Option(names = "--variants", split = ",", paramLabel = "VARIANT", description = "what to measure: baseline,"
      + " manual, programmatic, automatic, automatic-lean, automatic-lean-c1, baseline-jdk25, baseline-jdk25-aot,"
      + " automatic-jdk25, automatic-jdk25-aot, baseline-again")
  List<Variant> variants;

  @Option(names = "--spring", split = ",", paramLabel = "VARIANT", description = "the Spring Boot service's start-up,"
      + " each launched once a round: spring-baseline, spring-agent, spring-starter, spring-micrometer, or none")
  List<String> spring;

  @Option(names = "--routes", split = ",", paramLabel = "TARGET", description = "the routes loaded, path and query")
  List<Route> routes;

  @Option(names = "--exporters", split = ",", paramLabel = "EXPORTER",
      description = "each mode's exporters on the first route: none, otlp, logging-otlp")
  List<Exporter> exporters;

  @Option(names = "--batch-settings", split = ",", paramLabel = "SETTING",
      description = "manual with a batch setting put back to the SDK's: sdk-queue, sdk-delay, batch-2048, or none")
  List<String> batchSettings;

  @Option(names = "--rounds", paramLabel = "N", description = "each setup and Spring Boot variant launched N times (quick 1,"
      + " full 3)")
  Integer rounds;

  @Option(names = "--concurrency", paramLabel = "N", description = "connections of the load (16)")
  Integer concurrency;

  @Option(names = "--warmup", paramLabel = "MAX-SECONDS", description = "the longest warm-up (quick 8, full 30)")
  Integer warmup;

  @Option(names = "--duration", paramLabel = "SECONDS", description = "load as fast as it answers (quick 2, full 5)")
  Integer duration;

  @Option(names = "--paced-duration", paramLabel = "SECONDS", description = "load at the fixed rate (quick 2, full 5)")
  Integer pacedDuration;

  @Option(names = "--rate", paramLabel = "N", description = "the fixed rate; default: half of what baseline sustains")
  Integer rate;

  @Option(names = "--max-requests", paramLabel = "N", description = "at most this many requests a phase")
  Integer maxRequests;

  @Option(names = "--profile", paramLabel = "SECONDS", description = "each mode's flame graph, per round; 0: none")
  Integer profile;

  @Option(names = "--jdk25", paramLabel = "DIR", description = "the JDK 25 of the AOT variants; default: this JVM's"
      + " if it is one, else the first in /usr/lib/jvm")
  Path jdk25;

  @Option(names = "--docs", description = "write docs/performance.md and docs/performance.json (a full run only)")
  boolean writeDocs;

  @Option(names = "--rewrite-docs", description = "write docs/performance.md again from docs/performance.json,"
      + " measuring nothing")
  boolean rewriteDocs;

  /** Parses the arguments; a bad one is a ParameterException whose message is the one line to print. */
  static BenchOptions parse(String... args) {
    BenchOptions options = new BenchOptions();
    new CommandLine(options)
        .registerConverter(Variant.class, value -> convert(value, Variant::of))
        .registerConverter(Route.class, value -> convert(value, Route::of))
        .registerConverter(Exporter.class, value -> convert(value, Exporter::of))
        .parseArgs(args);
    return options;
  }

  /** The value parsed by {@code parse}, whose IllegalArgumentException picocli reports in its own words. */
  static <T> T convert(String value, Function<String, T> parse) {
    try {
      return parse.apply(value.trim());
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  /** The settings of the run, the preset's where no option says otherwise; JDK 25 as found. */
  Settings settings(String jdk25Found) {
    List<Variant> variants = this.variants != null ? distinct(this.variants)
        : full ? FULL_VARIANTS : List.of(Variant.values());
    if (jdk25Found == null) { // said once, by the bench, when it starts
      variants = variants.stream().filter(variant -> !variant.jdk25).toList();
    }
    List<Spring> spring = this.spring == null ? List.of(Spring.values())
        : this.spring.equals(List.of("none")) ? List.of() : distinct(this.spring.stream()
        .map(label -> labelled("'--spring' (VARIANT)", label, Spring::of)).toList());
    List<Route> routes = this.routes != null ? distinct(this.routes)
        : full ? List.of(Route.SERVER_REQUEST, Route.SEARCH) : List.of(Route.SEARCH);
    List<Exporter> exporters = this.exporters != null ? distinct(this.exporters)
        : full ? List.of(Exporter.values()) : List.of(Exporter.OTLP);
    if (!exporters.contains(Exporter.OTLP)) {
      throw error("--exporters must include otlp, the export that every table compares");
    }
    List<BatchSettings> batchSettings = new ArrayList<>(List.of(BatchSettings.SHARED));
    if (this.batchSettings == null ? full : !this.batchSettings.equals(List.of("none"))) {
      for (String label : this.batchSettings == null ? List.of("sdk-queue", "sdk-delay", "batch-2048")
          : this.batchSettings) {
        BatchSettings settings = labelled("'--batch-settings' (SETTING)", label, BatchSettings::of);
        if (!batchSettings.contains(settings)) {
          batchSettings.add(settings);
        }
      }
    }
    return new Settings(full, variants, spring, routes, exporters, List.copyOf(batchSettings),
        bounded("--rounds", rounds, full ? 3 : 1, 1, 20),
        bounded("--concurrency", concurrency, 16, 1, 256),
        bounded("--warmup", warmup, full ? 30 : 8, 0, 300),
        bounded("--duration", duration, full ? 5 : 2, 1, 600),
        bounded("--paced-duration", pacedDuration, full ? 5 : 2, 0, 600),
        bounded("--rate", rate, 0, 1, 1_000_000),
        bounded("--max-requests", maxRequests, 2_000_000, 1, 100_000_000),
        bounded("--profile", profile, full ? 10 : 0, 0, 600),
        jdk25Found);
  }

  private static <T> List<T> distinct(List<T> values) {
    return values.stream().distinct().toList();
  }

  /** An option's value by its label. "none" is a word of the command line, not a value: it is read before. */
  private <T> T labelled(String option, String label, Function<String, T> of) {
    try {
      return of.apply(label.trim());
    } catch (IllegalArgumentException e) {
      throw error("Invalid value for option " + option + ": " + e.getMessage()); // as picocli words it
    }
  }

  /** The option's value if given, within its bounds, else the preset's. */
  private int bounded(String option, Integer value, int preset, int min, int max) {
    if (value == null) {
      return preset;
    }
    if (value < min || value > max) {
      throw error(option + " takes a whole number from " + min + " to " + max + ", got " + value);
    }
    return value;
  }

  private ParameterException error(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
