package io.opentelemetry.example.autoinstrumentation.client.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: {@code concurrency} threads, each sending its next request when the previous one is answered,
 * until the time is up or the request budget is spent. Loopback only; bounded in both.
 */
final class LoadGenerator {

  /** What one phase measured: requests answered 200, failures, and the latency of the answered ones. */
  record Load(long requests, long failures, Histogram latencyMicros, Duration elapsed) {
    double throughput() {
      return requests / (elapsed.toNanos() / 1e9);
    }
  }

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  Load run(URI uri, int concurrency, Duration duration, long maxRequests) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
    long deadline = System.nanoTime() + duration.toNanos();
    AtomicLong budget = new AtomicLong(maxRequests);
    AtomicLong failures = new AtomicLong();
    List<Histogram> histograms = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < concurrency; i++) {
      Histogram histogram = new Histogram(60_000_000L, 3); // up to a minute, in microseconds
      histograms.add(histogram);
      Thread thread = new Thread(() -> {
        while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
          long sent = System.nanoTime();
          try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
              histogram.recordValue(Math.min((System.nanoTime() - sent) / 1000, 60_000_000L));
            } else {
              failures.incrementAndGet();
            }
          } catch (Exception e) {
            failures.incrementAndGet();
            if (e instanceof InterruptedException) {
              return;
            }
          }
        }
      }, "load-" + i);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    Histogram total = new Histogram(60_000_000L, 3);
    histograms.forEach(total::add);
    return new Load(total.getTotalCount(), failures.get(), total, elapsed);
  }
}
