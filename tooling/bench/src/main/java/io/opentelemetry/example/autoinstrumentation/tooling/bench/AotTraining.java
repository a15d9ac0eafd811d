package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.OtlpReceiver;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The training run of an AOT variant, JDK 25's recipe (JEP 483 and 514): the server with {@code -XX:AOTCacheOutput}
 * answers the routes the bench will load for a while, then stops; as it exits, the JVM writes the cache of the
 * classes it loaded and linked and of its methods' profiles, which every measured launch then starts from.
 */
final class AotTraining {

  /** Load on each route in the training run: what the application does, so that the cache holds it. */
  static final Duration PER_ROUTE = Duration.ofSeconds(3);

  /** Trains {@code variant}'s cache, once for the whole run; the one line to print if the JDK writes none. */
  static void train(Launcher launcher, Variant variant, List<Route> routes, OtlpReceiver receiver)
      throws InterruptedException, IOException {
    Path cache = launcher.aotCache(variant);
    Files.createDirectories(cache.getParent());
    Files.deleteIfExists(cache);
    Setup setup = Setup.main(variant, routes.get(0));
    ProcessOutput output;
    try (ServerProcess server = ServerProcess.start(variant.mode, launcher.trainingCommand(variant),
        setup.environment(receiver), Launch.START_TIMEOUT)) {
      LoadGenerator generator = new LoadGenerator();
      for (Route route : routes) {
        generator.run(server.uri(route.target()), 2, PER_ROUTE, Long.MAX_VALUE);
      }
      output = server.stop();
    }
    if (!Files.isRegularFile(cache)) {
      List<String> said = output.stderr();
      throw new IllegalStateException(variant.label + ": the training run wrote no AOT cache ("
          + (said.isEmpty() ? "it said nothing" : said.get(said.size() - 1)) + ")");
    }
  }

  private AotTraining() {}
}
