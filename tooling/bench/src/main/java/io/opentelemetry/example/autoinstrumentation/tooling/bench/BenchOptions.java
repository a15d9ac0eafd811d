package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The benchmark's knobs, {@code --rounds 3 --duration 30 ...}, each bounded. */
record BenchOptions(
    List<Variant> variants,
    List<Route> routes,
    List<Exporter> exporters,
    List<BatchSettings> batchSettings,
    int launches,
    int rounds,
    int concurrency,
    Duration warmup,
    Duration duration,
    Duration pacedDuration,
    double rate,
    long maxRequests,
    Duration profile,
    boolean writeDocs) {

  static final String USAGE = "usage: bench [--variants baseline,manual,...] [--routes /server_request?param=bench,...]"
      + " [--exporters none,otlp,logging-otlp] [--batch-settings sdk-queue,sdk-delay,batch-2048|none] [--launches N]"
      + " [--rounds N] [--concurrency N] [--warmup MAX-SECONDS] [--duration SECONDS] [--paced-duration SECONDS]"
      + " [--rate N] [--max-requests N] [--profile SECONDS] [--docs]";

  /** Parses the arguments; a bad one is an IllegalArgumentException whose message is the one line to print. */
  static BenchOptions parse(String... args) {
    List<Variant> variants = List.of(Variant.values());
    List<Route> routes = List.of(Route.SERVER_REQUEST, Route.SEARCH);
    List<Exporter> exporters = List.of(Exporter.values());
    List<BatchSettings> batchSettings = List.of(BatchSettings.values());
    int launches = 3;
    int rounds = 3;
    int concurrency = 16;
    int warmup = 30;
    int duration = 5;
    int pacedDuration = 5;
    int rate = 0;
    int maxRequests = 2_000_000;
    int profile = 10;
    boolean writeDocs = false;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--docs")) {
        writeDocs = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value; " + USAGE);
      }
      String value = args[++i];
      switch (option) {
        case "--variants" -> variants = list(value, Variant::of);
        case "--routes" -> routes = list(value, Route::of);
        case "--exporters" -> exporters = list(value, Exporter::of);
        case "--batch-settings" -> batchSettings = value.equals("none") ? List.of(BatchSettings.SHARED)
            : withShared(list(value, BatchSettings::of));
        case "--launches" -> launches = number(option, value, 1, 20);
        case "--rounds" -> rounds = number(option, value, 1, 20);
        case "--concurrency" -> concurrency = number(option, value, 1, 256);
        case "--warmup" -> warmup = number(option, value, 0, 300);
        case "--duration" -> duration = number(option, value, 1, 600);
        case "--paced-duration" -> pacedDuration = number(option, value, 0, 600);
        case "--rate" -> rate = number(option, value, 1, 1_000_000);
        case "--max-requests" -> maxRequests = number(option, value, 1, 100_000_000);
        case "--profile" -> profile = number(option, value, 0, 600);
        default -> throw new IllegalArgumentException("unknown option '" + option + "'; " + USAGE);
      }
    }
    if (!exporters.contains(Exporter.OTLP)) {
      throw new IllegalArgumentException("--exporters must include otlp, the export that every table compares");
    }
    return new BenchOptions(variants, routes, exporters, batchSettings, launches, rounds, concurrency,
        Duration.ofSeconds(warmup), Duration.ofSeconds(duration), Duration.ofSeconds(pacedDuration), rate, maxRequests,
        Duration.ofSeconds(profile), writeDocs);
  }

  /** Every variant, exporter and route of the defaults: what docs/performance.md shows. */
  boolean coversTheDocs() {
    return variants.equals(List.of(Variant.values())) && exporters.size() == Exporter.values().length
        && routes.size() >= 2 && !profile.isZero();
  }

  private static <T> List<T> list(String value, Function<String, T> parse) {
    List<T> items = new ArrayList<>();
    for (String item : value.split(",")) {
      T parsed = parse.apply(item.trim());
      if (!items.contains(parsed)) {
        items.add(parsed);
      }
    }
    return List.copyOf(items);
  }

  private static List<BatchSettings> withShared(List<BatchSettings> settings) {
    List<BatchSettings> all = new ArrayList<>(List.of(BatchSettings.SHARED));
    settings.stream().filter(setting -> setting != BatchSettings.SHARED).forEach(all::add);
    return List.copyOf(all);
  }

  private static int number(String option, String value, int min, int max) {
    try {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below, as any other out-of-range value
    }
    throw new IllegalArgumentException(option + " takes a whole number from " + min + " to " + max + ", got '" + value + "'");
  }
}
