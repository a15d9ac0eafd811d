package io.opentelemetry.example.autoinstrumentation.client.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's knobs, {@code --rounds 3 --duration 30 ...}, each bounded. */
record BenchOptions(
    List<Variant> variants,
    int launches,
    int rounds,
    int concurrency,
    Duration warmup,
    Duration duration,
    Duration pacedDuration,
    double rate,
    long maxRequests,
    boolean writeDocs) {

  static final String USAGE = "usage: bench [--variants baseline,manual,...] [--launches N] [--rounds N]"
      + " [--concurrency N] [--warmup SECONDS] [--duration SECONDS] [--paced-duration SECONDS] [--rate N]"
      + " [--max-requests N] [--docs]";

  /** Parses the arguments; a bad one is an IllegalArgumentException whose message is the one line to print. */
  static BenchOptions parse(String... args) {
    List<Variant> variants = List.of(Variant.values());
    int launches = 3;
    int rounds = 2;
    int concurrency = 16;
    int warmup = 3;
    int duration = 8;
    int pacedDuration = 5;
    int rate = 0;
    int maxRequests = 2_000_000;
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
        case "--variants" -> {
          variants = new ArrayList<>();
          for (String label : value.split(",")) {
            variants.add(Variant.of(label.trim()));
          }
        }
        case "--launches" -> launches = number(option, value, 1, 20);
        case "--rounds" -> rounds = number(option, value, 1, 20);
        case "--concurrency" -> concurrency = number(option, value, 1, 256);
        case "--warmup" -> warmup = number(option, value, 0, 300);
        case "--duration" -> duration = number(option, value, 1, 600);
        case "--paced-duration" -> pacedDuration = number(option, value, 1, 600);
        case "--rate" -> rate = number(option, value, 1, 1_000_000);
        case "--max-requests" -> maxRequests = number(option, value, 1, 100_000_000);
        default -> throw new IllegalArgumentException("unknown option '" + option + "'; " + USAGE);
      }
    }
    return new BenchOptions(List.copyOf(variants), launches, rounds, concurrency, Duration.ofSeconds(warmup),
        Duration.ofSeconds(duration), Duration.ofSeconds(pacedDuration), rate, maxRequests, writeDocs);
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
