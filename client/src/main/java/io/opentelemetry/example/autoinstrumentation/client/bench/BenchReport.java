package io.opentelemetry.example.autoinstrumentation.client.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's figures as a console table, Markdown, CSV, an SVG chart and docs/performance.md. */
final class BenchReport {

  private final List<VariantResult> results;
  private final BenchOptions options;
  private final String machine;
  private final VariantResult baseline;

  BenchReport(List<VariantResult> results, BenchOptions options, String machine) {
    this.results = results;
    this.options = options;
    this.machine = machine;
    this.baseline = results.stream().filter(result -> result.variant == Variant.BASELINE).findFirst().orElse(null);
  }

  /** The columns; latency is shown twice, at saturation and at the fixed rate every variant took. */
  String[] headers() {
    String rate = format("%.0f", results.isEmpty() ? 0 : results.get(0).pacedRate);
    return new String[] {"variant", "start-up s", "req/s", "p50 ms", "p99 ms", "max ms",
        "p50 ms at " + rate + "/s", "p99 ms at " + rate + "/s", "CPU µs/req", "peak RSS MiB", "spans / requests"};
  }

  /** One row of cells per variant; figures with their ratio to baseline in parentheses. */
  List<String[]> cells() {
    List<String[]> rows = new ArrayList<>();
    for (VariantResult result : results) {
      rows.add(new String[] {
          result.variant.label,
          withRatio(result.medianStartupSeconds(), baseline == null ? Double.NaN : baseline.medianStartupSeconds(), "%.2f"),
          withRatio(result.throughput(), baseline == null ? Double.NaN : baseline.throughput(), "%.0f"),
          withRatio(result.latencyMillis(50), baseline == null ? Double.NaN : baseline.latencyMillis(50), "%.2f"),
          withRatio(result.latencyMillis(99), baseline == null ? Double.NaN : baseline.latencyMillis(99), "%.2f"),
          format("%.1f", result.maxLatencyMillis()),
          withRatio(result.pacedLatencyMillis(50), baseline == null ? Double.NaN : baseline.pacedLatencyMillis(50), "%.2f"),
          withRatio(result.pacedLatencyMillis(99), baseline == null ? Double.NaN : baseline.pacedLatencyMillis(99), "%.2f"),
          withRatio(result.cpuMicrosPerRequest(), baseline == null ? Double.NaN : baseline.cpuMicrosPerRequest(), "%.0f"),
          withRatio(result.peakRssMib(), baseline == null ? Double.NaN : baseline.peakRssMib(), "%.0f"),
          result.variant.exportsSpans()
              ? result.spansExported + " / " + result.spansExpected + (result.droppedSpans() > 0 ? " (" + result.droppedSpans() + " dropped)" : "")
              : "none exported"});
    }
    return rows;
  }

  String table() {
    List<String[]> rows = new ArrayList<>();
    rows.add(headers());
    rows.addAll(cells());
    int[] widths = new int[headers().length];
    rows.forEach(row -> {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    });
    StringBuilder out = new StringBuilder("\n");
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        out.append(String.format("%-" + (widths[i] + 2) + "s", row[i]));
      }
      out.append('\n');
    }
    return out.append('\n').append(settings()).append('\n').toString();
  }

  String markdown() {
    StringBuilder out = new StringBuilder("| " + String.join(" | ", headers()) + " |\n|");
    out.append(" --- |".repeat(headers().length)).append('\n');
    for (String[] row : cells()) {
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    return out.toString();
  }

  String csv() {
    StringBuilder out = new StringBuilder("variant,startup_s,throughput_rps,p50_ms,p99_ms,max_ms,paced_rate_rps,"
        + "paced_p50_ms,paced_p99_ms,cpu_us_per_request,peak_rss_mib,requests,failures,spans_expected,spans_exported\n");
    for (VariantResult result : results) {
      out.append(String.join(",", result.variant.label,
          format("%.3f", result.medianStartupSeconds()), format("%.1f", result.throughput()),
          format("%.3f", result.latencyMillis(50)), format("%.3f", result.latencyMillis(99)),
          format("%.3f", result.maxLatencyMillis()), format("%.1f", result.pacedRate),
          format("%.3f", result.pacedLatencyMillis(50)), format("%.3f", result.pacedLatencyMillis(99)),
          format("%.1f", result.cpuMicrosPerRequest()),
          format("%.1f", result.peakRssMib()), String.valueOf(result.requests), String.valueOf(result.failures),
          String.valueOf(result.spansExpected), String.valueOf(result.spansExported))).append('\n');
    }
    return out.toString();
  }

  /** Two bar charts side by side: start-up time, and throughput relative to baseline. */
  String svg() {
    int rowHeight = 28;
    int top = 40;
    int height = top + rowHeight * results.size() + 20;
    double maxStartup = results.stream().mapToDouble(VariantResult::medianStartupSeconds).max().orElse(1);
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n"
            + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
            + "<text x=\"130\" y=\"20\" font-weight=\"bold\">start-up, s (median)</text>%n"
            + "<text x=\"470\" y=\"20\" font-weight=\"bold\">throughput, × baseline</text>%n", height));
    for (int i = 0; i < results.size(); i++) {
      VariantResult result = results.get(i);
      int y = top + i * rowHeight;
      double startupWidth = 200 * result.medianStartupSeconds() / maxStartup;
      double ratio = baseline == null ? 1 : result.throughput() / baseline.throughput();
      svg.append(String.format(Locale.ROOT,
          "<text x=\"120\" y=\"%d\" text-anchor=\"end\">%s</text>%n"
              + "<rect x=\"130\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"#4e79a7\"/>%n"
              + "<text x=\"%.1f\" y=\"%d\">%.2f</text>%n"
              + "<rect x=\"470\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"#59a14f\"/>%n"
              + "<text x=\"%.1f\" y=\"%d\">%.2f</text>%n",
          y + 13, result.variant.label, y, startupWidth, 135 + startupWidth, y + 13, result.medianStartupSeconds(),
          y, 200 * Math.min(ratio, 1.3), 475 + 200 * Math.min(ratio, 1.3), y + 13, ratio));
    }
    return svg.append("</svg>\n").toString();
  }

  String settings() {
    return String.format(Locale.ROOT, "%d variants; start-up: median of %d launches; load: %d round(s) of %d s as fast"
            + " as the server answers after %d s warm-up, then %d s at a fixed %.0f requests/s (half of what the first"
            + " variant sustained), %d concurrent connections, loopback; variants interleaved. Machine: %s.",
        results.size(), options.launches(), options.rounds(), options.duration().toSeconds(),
        options.warmup().toSeconds(), options.pacedDuration().toSeconds(),
        results.isEmpty() ? 0 : results.get(0).pacedRate, options.concurrency(), machine);
  }

  void writeTo(Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("bench.md"), markdown() + "\n" + settings() + "\n");
    Files.writeString(directory.resolve("bench.csv"), csv());
    Files.writeString(directory.resolve("bench.svg"), svg());
  }

  void writeDocs(Path docs) throws IOException {
    Files.createDirectories(docs);
    Files.writeString(docs.resolve("performance.svg"), svg());
    Files.writeString(docs.resolve("performance.md"), """
        # Performance: what each mode costs

        Measured by `make bench` on %s, on %s, against the same server with no telemetry at all (baseline), in one \
        run: each figure is followed by its ratio to baseline.

        %s
        %s

        ![start-up and throughput per variant](performance.svg)

        ## Reading it

        %s

        ## How it is measured

        - **start-up**: from launching the JVM to the first `200` on `/server_request`, median of the launches.
        - **throughput and latency**: a closed loop of concurrent keep-alive connections on loopback, after a \
        warm-up; latency in an HdrHistogram. The load generator shares the machine's cores with the server, the same \
        for every variant, and keeps them busy: throughput here is a ceiling, and it falls with the CPU a request costs.
        - **latency at the same load**: then every variant takes the same fixed rate, half of what the first variant \
        sustained, on a schedule; latency counts from when each request was due.
        - **CPU µs/req**: the server process's user + system time (from `/proc`) during the measured phase, per request.
        - **peak RSS**: the server process's `VmHWM`.
        - **spans / requests**: SERVER spans exported against requests answered (warm-up included): a drop would show \
        here.
        - Every variant exports spans the same way, over OTLP/HTTP to a receiver in the benchmark that counts them and \
        keeps nothing, so the exporter costs all variants alike and little; baseline exports nothing.
        - **automatic-lean** is the agent with `%s`.

        Run it yourself with `make bench`; `make bench BENCH_ARGS="--rounds 5 --duration 30"` runs longer.
        """.formatted(LocalDate.now(), machine, markdown(), settings(), reading(), String.join(" ", Variant.LEAN_FLAGS)));
  }

  /** A few sentences on what the figures mean for someone choosing a mode, from this run's numbers. */
  String reading() {
    VariantResult manual = find(Variant.MANUAL);
    VariantResult programmatic = find(Variant.PROGRAMMATIC);
    VariantResult automatic = find(Variant.AUTOMATIC);
    VariantResult lean = find(Variant.AUTOMATIC_LEAN);
    if (baseline == null || manual == null || programmatic == null || automatic == null || lean == null) {
      return "Run all five variants to get a reading.";
    }
    return String.format(Locale.ROOT, """
        - **Start-up.** Manual and programmatic start %.2f s and %.2f s after baseline: the SDK's own start-up. The \
        agent starts in %.1f s, %.1f s after baseline, loading and instrumenting classes; the lean recipe cuts that to \
        %.1f s, %.0f%% of the default agent's.
        - **CPU per request.** Baseline spends %.0f µs per request; manual %.0f, programmatic %.0f, the agent %.0f. \
        The difference is the span: creating it, its attributes, and exporting it.
        - **Throughput and latency at saturation.** Because the load keeps both cores busy, that CPU shows in full: \
        manual keeps %.0f%% of baseline throughput, programmatic %.0f%%, the agent %.0f%%, the lean agent %.0f%% (its \
        JIT stops at the first tier, which costs at steady state what it saves at start-up); p99 latency rises to \
        %.2f×, %.2f×, %.2f× and %.2f× of baseline.
        - **Latency at the same load.** At a fixed %.0f requests a second, half of what baseline sustains, p50 is \
        %.2f ms for baseline, and %.2f× for manual, %.2f× programmatic, %.2f× the agent, %.2f× the lean agent; p99 is \
        %.2f ms for baseline, and %.2f×, %.2f×, %.2f× and %.2f×: the median hardly moves, the tail does. A p99 taken \
        over a few seconds on two cores shared with the load generator also varies by tens of percent from run to \
        run; `BENCH_ARGS` with more rounds and longer phases narrows it.
        - **Memory.** Peak RSS %.0f MiB for baseline, %.0f and %.0f MiB with the SDK, %.0f MiB with the agent, %.0f \
        MiB with the lean agent.
        - **Choosing.** The library does what the hand-written span does plus the request-duration metric and the \
        route lookup, and needs no agent; the agent costs seconds of start-up and about as much CPU per request as the \
        library, and needs no code.
        """,
        manual.medianStartupSeconds() - baseline.medianStartupSeconds(),
        programmatic.medianStartupSeconds() - baseline.medianStartupSeconds(),
        automatic.medianStartupSeconds(), automatic.medianStartupSeconds() - baseline.medianStartupSeconds(),
        lean.medianStartupSeconds(), 100 * lean.medianStartupSeconds() / automatic.medianStartupSeconds(),
        baseline.cpuMicrosPerRequest(), manual.cpuMicrosPerRequest(), programmatic.cpuMicrosPerRequest(),
        automatic.cpuMicrosPerRequest(),
        100 * manual.throughput() / baseline.throughput(), 100 * programmatic.throughput() / baseline.throughput(),
        100 * automatic.throughput() / baseline.throughput(), 100 * lean.throughput() / baseline.throughput(),
        manual.latencyMillis(99) / baseline.latencyMillis(99), programmatic.latencyMillis(99) / baseline.latencyMillis(99),
        automatic.latencyMillis(99) / baseline.latencyMillis(99), lean.latencyMillis(99) / baseline.latencyMillis(99),
        baseline.pacedRate, baseline.pacedLatencyMillis(50),
        manual.pacedLatencyMillis(50) / baseline.pacedLatencyMillis(50),
        programmatic.pacedLatencyMillis(50) / baseline.pacedLatencyMillis(50),
        automatic.pacedLatencyMillis(50) / baseline.pacedLatencyMillis(50),
        lean.pacedLatencyMillis(50) / baseline.pacedLatencyMillis(50),
        baseline.pacedLatencyMillis(99),
        manual.pacedLatencyMillis(99) / baseline.pacedLatencyMillis(99),
        programmatic.pacedLatencyMillis(99) / baseline.pacedLatencyMillis(99),
        automatic.pacedLatencyMillis(99) / baseline.pacedLatencyMillis(99),
        lean.pacedLatencyMillis(99) / baseline.pacedLatencyMillis(99),
        baseline.peakRssMib(), manual.peakRssMib(), programmatic.peakRssMib(), automatic.peakRssMib(), lean.peakRssMib())
        .strip();
  }

  private VariantResult find(Variant variant) {
    return results.stream().filter(result -> result.variant == variant).findFirst().orElse(null);
  }

  private static String withRatio(double value, double baseline, String format) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    String figure = format(format, value);
    return Double.isNaN(baseline) || baseline == 0 ? figure : figure + " (" + format("%.2f", value / baseline) + "×)";
  }

  private static String format(String format, double value) {
    return String.format(Locale.ROOT, format, value);
  }
}
