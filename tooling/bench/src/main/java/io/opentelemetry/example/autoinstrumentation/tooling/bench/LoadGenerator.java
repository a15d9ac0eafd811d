package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Load from {@code concurrency} threads until the time is up or the request budget is spent; loopback only, bounded in
 * both. Unpaced, each thread sends its next request when the previous one is answered, as fast as the server allows.
 * Paced, the threads together send {@code rate} requests a second on a fixed schedule, and latency is counted from when
 * each request was due, so that a stalled server cannot hide its delay by holding requests back.
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
    return run(uri, concurrency, duration, maxRequests, 0);
  }

  /** As {@link #run(URI, int, Duration, long)}, paced at {@code rate} requests a second when it is positive. */
  Load run(URI uri, int concurrency, Duration duration, long maxRequests, double rate) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
    long deadline = System.nanoTime() + duration.toNanos();
    AtomicLong budget = new AtomicLong(maxRequests);
    AtomicLong failures = new AtomicLong();
    List<Histogram> histograms = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < concurrency; i++) {
      int index = i;
      Histogram histogram = new Histogram(60_000_000L, 3); // up to a minute, in microseconds
      histograms.add(histogram);
      long interval = rate > 0 ? (long) (concurrency * 1e9 / rate) : 0;
      long firstDue = start + (long) (index * (interval / (double) concurrency)); // threads staggered over one interval
      Thread thread = new Thread(() -> {
        long due = firstDue;
        while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
          for (long wait = due - System.nanoTime(); interval > 0 && wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait); // may wake early
          }
          long sent = interval > 0 ? due : System.nanoTime();
          due += interval;
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
