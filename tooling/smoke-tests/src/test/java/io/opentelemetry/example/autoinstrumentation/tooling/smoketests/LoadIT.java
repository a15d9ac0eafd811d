package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 200 concurrent connections, a bounded number of requests each carrying its own trace context, the make targets'
 * defaults: every request gets exactly one SERVER span, with the right parent, and a SIGTERM soon after the last
 * response loses none of them.
 */
class LoadIT {

  static final int CONNECTIONS = 200;
  static final int REQUESTS_PER_CONNECTION = 50;
  static final Duration TIME_BOUND = Duration.ofSeconds(120);

  @ParameterizedTest
  @EnumSource(Mode.class)
  void everyRequestGetsExactlyOneServerSpanWithItsParent(Mode mode) throws Exception {
    Map<String, String> parentByTrace = new ConcurrentHashMap<>();
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger peakConnections = new AtomicInteger();
    List<Thread> connections = new ArrayList<>();
    long started;
    long elapsed;
    ProcessOutput output;
    try (ServerProcess server = ServerProcess.start(mode, Map.of(), Duration.ofSeconds(60))) {
      // HTTP/1.1: one request at a time per connection, so 200 requests in flight hold 200 connections
      HttpClient http = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
      CountDownLatch ready = new CountDownLatch(CONNECTIONS);
      for (int c = 0; c < CONNECTIONS; c++) {
        Thread connection = new Thread(() -> {
          ready.countDown();
          awaitQuietly(ready); // all 200 start together
          for (int r = 0; r < REQUESTS_PER_CONNECTION; r++) {
            String traceId = hex(32);
            String parentId = hex(16);
            parentByTrace.put(traceId, parentId);
            try {
              HttpResponse<String> response = http.send(
                  HttpRequest.newBuilder(server.uri("/server_request?param=load"))
                      .header("traceparent", "00-" + traceId + "-" + parentId + "-01")
                      .timeout(Duration.ofSeconds(30))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
              if (!response.body().equals("served")) {
                failures.incrementAndGet();
              }
            } catch (Exception e) {
              failures.incrementAndGet();
            }
          }
        });
        connections.add(connection);
      }
      Thread sampler = sampleConnections(server.port(), peakConnections);
      started = System.nanoTime();
      connections.forEach(Thread::start);
      long deadline = started + TIME_BOUND.toNanos();
      for (Thread connection : connections) {
        connection.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      }
      elapsed = System.nanoTime() - started;
      sampler.interrupt();
      Thread.sleep(100); // the SIGTERM arrives 100 ms after the last response
      output = server.stop();
    }

    List<ExportedSpan> spans = output.spans();
    Map<String, List<ExportedSpan>> byTrace = spans.stream().collect(Collectors.groupingBy(ExportedSpan::traceId));
    Map<String, String> wrong = new HashMap<>();
    parentByTrace.forEach((traceId, parentId) -> {
      List<ExportedSpan> found = byTrace.getOrDefault(traceId, List.of());
      if (found.size() != 1 || !found.get(0).parentSpanId().equals(parentId) || !found.get(0).kind().equals("SERVER")) {
        wrong.put(traceId, found.size() + " spans");
      }
    });
    System.out.printf(Locale.ROOT, "LoadIT %s: %d requests over %d connections (peak %d open at the server) in %.1f s;"
            + " %d SERVER spans exported, %d requests without exactly one right span%n",
        mode.label(), parentByTrace.size(), CONNECTIONS, peakConnections.get(), elapsed / 1e9, spans.size(), wrong.size());

    assertThat(connections).as("all requests answered within %s", TIME_BOUND).noneMatch(Thread::isAlive);
    assertThat(failures).hasValue(0);
    assertThat(peakConnections.get()).as("connections open at once").isGreaterThanOrEqualTo(CONNECTIONS);
    assertThat(output.killed()).as("the server had to be killed: it did not end by itself after SIGTERM").isFalse();
    assertThat(output.exitCode()).as("the JVM's exit code after SIGTERM and its shutdown hooks").isEqualTo(143);
    assertThat(parentByTrace).hasSize(CONNECTIONS * REQUESTS_PER_CONNECTION);
    assertThat(wrong).as("%d of %d requests without exactly one right span (%d spans exported)",
        wrong.size(), parentByTrace.size(), spans.size()).isEmpty();
    assertThat(spans).hasSize(parentByTrace.size());
  }

  /** Records in {@code peak} the most connections the server on {@code port} held at once, until interrupted. */
  private static Thread sampleConnections(int port, AtomicInteger peak) {
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(SocketTable.establishedConnections(port), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    sampler.start();
    return sampler;
  }

  private static String hex(int length) {
    StringBuilder hex = new StringBuilder(length);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < length; i++) {
      hex.append(Character.forDigit(random.nextInt(16), 16));
    }
    hex.setCharAt(0, '1'); // never all zeros, which W3C reserves as invalid
    return hex.toString();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
