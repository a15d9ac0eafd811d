package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import io.opentelemetry.example.autoinstrumentation.tooling.bench.FlameGraph.Share;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A mode's profiles, one a round, as the run's data keeps them: each round's shares of the CPU, and the largest
 * OpenTelemetry operations over all rounds with their share in each; one flame graph holds the samples of them all.
 *
 * @param engine what sampled, in words
 * @param flameGraph the file name of the merged flame graph
 */
record ProfileSummary(Variant variant, String engine, String flameGraph, List<Round> rounds,
    Map<Share, List<Operation>> topOperations) {

  /** One round's profile: the requests it took, the CPU a request cost while it was taken, and its shares. */
  record Round(long requests, double cpuMicrosPerRequest, Map<Share, Double> shares) {}

  /** An operation and its share of the samples in each round. */
  record Operation(String name, List<Double> shares) {}

  /** The operations kept per share, largest first. */
  static final int TOP = 5;

  /** Merges {@code rounds} into one flame graph, written to {@code svg}, and keeps their figures. */
  static ProfileSummary of(List<Profile> rounds, Path svg) throws IOException {
    List<String> collapsed = new ArrayList<>();
    for (Profile profile : rounds) {
      collapsed.addAll(Files.readAllLines(profile.collapsed()));
    }
    FlameGraph merged = FlameGraph.parse(collapsed);
    Profile first = rounds.get(0);
    long requests = rounds.stream().mapToLong(Profile::requests).sum();
    long cpuNanos = rounds.stream().mapToLong(Profile::cpuNanos).sum();
    Profile all = new Profile(first.setup(), first.event(), requests, cpuNanos, merged, first.collapsed(), svg,
        first.html());
    Files.writeString(svg, merged.svg(all.title(), all.subtitle(rounds.size())));
    List<Round> figures = new ArrayList<>();
    for (Profile profile : rounds) {
      Map<Share, Double> shares = new EnumMap<>(Share.class);
      for (Share share : Share.values()) {
        shares.put(share, profile.graph().share(share));
      }
      figures.add(new Round(profile.requests(), profile.cpuMicrosPerRequest(), shares));
    }
    Map<Share, List<Operation>> top = new EnumMap<>(Share.class);
    for (Share share : List.of(Share.REQUEST_PATH, Share.BACKGROUND)) {
      top.put(share, merged.topOperations(share, TOP).stream().map(operation -> new Operation(operation.getKey(),
          rounds.stream().map(profile -> profile.graph().operationShare(share, operation.getKey())).toList())).toList());
    }
    return new ProfileSummary(first.setup().variant(), first.engine(), svg.getFileName().toString(), figures, top);
  }

  Spread share(Share share) {
    return Spread.of(rounds.stream().map(round -> round.shares().get(share)).toList());
  }

  /** The CPU a request that went to {@code share}, by its share of the samples, round by round. */
  Spread micros(Share share) {
    return Spread.of(rounds.stream().map(round -> round.shares().get(share) * round.cpuMicrosPerRequest()).toList());
  }

  Spread cpuMicrosPerRequest() {
    return Spread.of(rounds.stream().map(Round::cpuMicrosPerRequest).toList());
  }

  /** The {@code n} largest operations of {@code share}, each with its share's spread over the rounds. */
  List<Map.Entry<String, Spread>> topOperations(Share share, int n) {
    return topOperations.getOrDefault(share, List.of()).stream().limit(n)
        .map(operation -> Map.entry(operation.name(), Spread.of(operation.shares()))).toList();
  }
}
