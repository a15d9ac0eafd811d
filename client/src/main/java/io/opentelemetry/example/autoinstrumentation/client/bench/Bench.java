package io.opentelemetry.example.autoinstrumentation.client.bench;

import io.opentelemetry.example.autoinstrumentation.client.bench.LoadGenerator.Load;
import io.opentelemetry.example.autoinstrumentation.client.harness.ProjectLayout;
import io.opentelemetry.example.autoinstrumentation.client.harness.ServerProcess;
import io.opentelemetry.example.autoinstrumentation.client.harness.ServerProcess.ServerStartException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code make bench}: what each mode costs against the same server with no telemetry, measured in one run on one
 * machine. Variants take turns (A B C, A B C, ...) so that drift of the machine falls on all of them alike.
 */
public final class Bench {

  /** Every variant exports the same way, over OTLP/HTTP to a {@link NullCollector}; metrics and logs stay off. */
  static Map<String, String> environment(NullCollector collector) {
    return Map.of(
        "OTEL_TRACES_EXPORTER", "otlp",
        "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
        "OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint());
  }
  static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    Path root;
    List<VariantResult> results;
    try (NullCollector collector = new NullCollector()) {
      root = ProjectLayout.root();
      results = run(root, options, collector);
    } catch (ServerStartException | IllegalStateException e) { // a variant would not start; or not built
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    BenchReport report = new BenchReport(results, options, Machine.describe());
    System.out.print(report.table());
    Path out = root.resolve("target/bench");
    report.writeTo(out);
    System.out.println("reports: " + out.resolve("bench.md") + ", " + out.resolve("bench.csv"));
    if (options.writeDocs() && options.variants().size() == Variant.values().length) {
      report.writeDocs(root.resolve("docs"));
      System.out.println("docs: " + root.resolve("docs/performance.md"));
    } else if (options.writeDocs()) {
      System.out.println("docs/performance.md is left as it was: it shows a run of all five variants");
    }
  }

  static List<VariantResult> run(Path root, BenchOptions options, NullCollector collector) throws InterruptedException {
    Map<Variant, VariantResult> results = new LinkedHashMap<>();
    options.variants().forEach(variant -> results.put(variant, new VariantResult(variant)));
    for (int launch = 1; launch <= options.launches(); launch++) {
      for (Variant variant : options.variants()) {
        System.out.printf("start-up %d/%d  %s%n", launch, options.launches(), variant.label);
        results.get(variant).startups.add(startup(root, variant, collector));
      }
    }
    // The load generator runs in this JVM: let its own JIT warm up first, or the first variant measured pays for it.
    System.out.println("warming up the load generator");
    VariantResult first = new VariantResult(options.variants().get(0));
    load(root, options.variants().get(0), options, first, collector, 0);
    // Every variant also takes the same fixed load, half of what the first one sustained: latency at the same load.
    double rate = options.rate() > 0 ? options.rate() : Math.max(1, first.throughput() / 2);
    for (int round = 1; round <= options.rounds(); round++) {
      for (Variant variant : options.variants()) {
        System.out.printf("load     %d/%d  %s%n", round, options.rounds(), variant.label);
        load(root, variant, options, results.get(variant), collector, rate);
      }
    }
    results.values().forEach(result -> result.pacedRate = rate);
    return List.copyOf(results.values());
  }

  /** From JVM launch to the first 200 on /server_request. */
  static Duration startup(Path root, Variant variant, NullCollector collector) throws InterruptedException {
    long launched = System.nanoTime();
    try (ServerProcess server =
        ServerProcess.start(variant.mode, variant.command(root), environment(collector), START_TIMEOUT)) {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest request = HttpRequest.newBuilder(seedUri(server)).timeout(Duration.ofSeconds(5)).build();
      while (true) {
        try {
          if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return Duration.ofNanos(System.nanoTime() - launched);
          }
        } catch (IOException notYet) {
          // listening, not yet serving
        }
        if (System.nanoTime() - launched > START_TIMEOUT.toNanos()) {
          throw new ServerStartException(variant.label + " did not answer within " + START_TIMEOUT.toSeconds() + " s");
        }
        Thread.sleep(10);
      }
    }
  }

  static void load(Path root, Variant variant, BenchOptions options, VariantResult result, NullCollector collector,
      double rate) throws InterruptedException {
    LoadGenerator generator = new LoadGenerator();
    long sent;
    collector.reset();
    try (ServerProcess server =
        ServerProcess.start(variant.mode, variant.command(root), environment(collector), START_TIMEOUT)) {
      URI uri = seedUri(server);
      Load warmup = generator.run(uri, options.concurrency(), options.warmup(), options.maxRequests());
      long cpuBefore = ProcessStats.cpuNanos(server.pid());
      Load measured = generator.run(uri, options.concurrency(), options.duration(), options.maxRequests());
      long cpuAfter = ProcessStats.cpuNanos(server.pid());
      result.peakRssBytes = Math.max(result.peakRssBytes, ProcessStats.peakRssBytes(server.pid()));
      result.requests += measured.requests();
      result.failures += measured.failures() + warmup.failures();
      result.measuredNanos += measured.elapsed().toNanos();
      result.cpuNanos += cpuBefore < 0 || cpuAfter < 0 ? 0 : cpuAfter - cpuBefore;
      result.latencyMicros.add(measured.latencyMicros());
      sent = warmup.requests() + measured.requests();
      if (rate > 0) {
        Load paced = generator.run(uri, options.concurrency(), options.pacedDuration(), options.maxRequests(), rate);
        result.pacedLatencyMicros.add(paced.latencyMicros());
        result.failures += paced.failures();
        sent += paced.requests();
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (variant.exportsSpans() && collector.spans() < sent && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      server.stop(); // what is still queued is flushed at shutdown, and counted
    }
    if (variant.exportsSpans()) {
      result.spansExpected += sent;
      result.spansExported += collector.spans();
    }
  }

  private static URI seedUri(ServerProcess server) {
    return server.uri("/server_request?param=bench");
  }

  private Bench() {}
}
