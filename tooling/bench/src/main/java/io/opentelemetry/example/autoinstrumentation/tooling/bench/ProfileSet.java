package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import io.opentelemetry.example.autoinstrumentation.tooling.bench.FlameGraph.Share;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A variant's profiles, one a round: one flame graph of all their samples together, and each figure's spread over
 * the rounds.
 */
record ProfileSet(Variant variant, List<Profile> rounds, FlameGraph merged, Path svg) {

  /** Merges {@code rounds} into one flame graph, written to {@code svg}. */
  static ProfileSet of(List<Profile> rounds, Path svg) throws IOException {
    List<String> collapsed = new ArrayList<>();
    for (Profile profile : rounds) {
      collapsed.addAll(Files.readAllLines(profile.collapsed()));
    }
    FlameGraph merged = FlameGraph.parse(collapsed);
    Profile first = rounds.get(0);
    long requests = rounds.stream().mapToLong(Profile::requests).sum();
    long cpuNanos = rounds.stream().mapToLong(Profile::cpuNanos).sum();
    Profile all = new Profile(first.setup(), first.event(), requests, cpuNanos, merged, first.collapsed(), svg, first.html());
    Files.writeString(svg, merged.svg(all.title(), all.subtitle(rounds.size())));
    return new ProfileSet(first.setup().variant(), List.copyOf(rounds), merged, svg);
  }

  Spread share(Share share) {
    return Spread.of(rounds.stream().map(profile -> profile.graph().share(share)).toList());
  }

  Spread micros(Share share) {
    return Spread.of(rounds.stream().map(profile -> profile.micros(share)).toList());
  }

  Spread cpuMicrosPerRequest() {
    return Spread.of(rounds.stream().map(Profile::cpuMicrosPerRequest).toList());
  }

  String engine() {
    return rounds.get(0).engine();
  }

  /** The {@code n} largest operations of {@code share} over all rounds, each with its share's spread over the rounds. */
  List<Map.Entry<String, Spread>> topOperations(Share share, int n) {
    return merged.topOperations(share, n).stream()
        .map(operation -> Map.entry(operation.getKey(), Spread.of(rounds.stream()
            .map(profile -> profile.graph().operationShare(share, operation.getKey())).toList())))
        .toList();
  }
}
