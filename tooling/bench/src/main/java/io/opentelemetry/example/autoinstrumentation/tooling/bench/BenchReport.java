package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import io.opentelemetry.example.autoinstrumentation.tooling.bench.FlameGraph.Share;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The benchmark's figures as console tables, Markdown, CSV, an SVG chart and docs/performance.md. */
final class BenchReport {

  final List<SetupResult> results;
  final List<ProfileSet> profiles;
  final BenchOptions options;
  final String machine;
  /** How long the whole run took. */
  final Duration elapsed;

  BenchReport(List<SetupResult> results, List<ProfileSet> profiles, BenchOptions options, String machine,
      Duration elapsed) {
    this.results = results;
    this.profiles = profiles;
    this.options = options;
    this.machine = machine;
    this.elapsed = elapsed;
  }

  // ---- finding setups

  SetupResult find(Variant variant, Exporter exporter, BatchSettings batch, Route route) {
    return results.stream().filter(result -> result.setup.equals(new Setup(variant, exporter, batch, route)))
        .findFirst().orElse(null);
  }

  /** A variant's row of the main table of {@code route}: exporting over OTLP with the shared defaults. */
  SetupResult main(Variant variant, Route route) {
    Setup setup = Bench.mainSetup(variant, route);
    return find(setup.variant(), setup.exporter(), setup.batch(), route);
  }

  SetupResult baseline(Route route) {
    return main(Variant.BASELINE, route);
  }

  Route firstRoute() {
    return options.routes().get(0);
  }

  // ---- the tables

  /** The main table of a route: every variant exporting over OTLP, against baseline. */
  Table mainTable(Route route) {
    boolean first = route.equals(firstRoute());
    double rate = results.stream().filter(result -> result.setup.route().equals(route)).findFirst()
        .map(result -> result.pacedRate).orElse(0.0);
    String fixed = format("%.0f", rate) + "/s";
    List<String> headers = new ArrayList<>(List.of("variant"));
    if (first) {
      headers.add("start-up s");
    }
    headers.addAll(List.of("req/s", "p50 ms", "p99 ms", "max ms", "p50 ms at " + fixed, "p99 ms at " + fixed,
        "CPU µs/req", "allocated KiB/req", "peak RSS MiB", "spans / requests"));
    Table table = new Table("`" + route + "`, every variant exporting over OTLP", headers);
    SetupResult baseline = baseline(route);
    for (Variant variant : options.variants()) {
      SetupResult result = main(variant, route);
      if (result == null) {
        continue;
      }
      List<List<String>> cells = new ArrayList<>();
      cells.add(List.of(variant.label));
      if (first) {
        cells.add(startup(result, main(Variant.BASELINE, route)));
      }
      cells.add(figure(result, Run::throughput, "%.0f", baseline));
      cells.add(figure(result, run -> run.latencyMillis(50), "%.2f", baseline));
      cells.add(figure(result, run -> run.latencyMillis(99), "%.2f", baseline));
      cells.add(List.of(result.spread(Run::maxLatencyMillis).format("%.1f")));
      cells.add(figure(result, run -> run.pacedMillis(50), "%.2f", baseline));
      cells.add(figure(result, run -> run.pacedMillis(99), "%.2f", baseline));
      cells.add(figure(result, Run::cpuMicrosPerRequest, "%.1f", baseline));
      cells.add(figure(result, Run::allocatedKibPerRequest, "%.1f", baseline));
      cells.add(figure(result, Run::peakRssMib, "%.0f", baseline));
      cells.add(List.of(spans(result)));
      table.row(cells);
    }
    return table;
  }

  /** Each mode with every exporter on the first route: what instrumentation, export and the console each add. */
  Table decompositionTable() {
    Route route = firstRoute();
    Table table = new Table("`" + route + "`, each mode's cost by layer", List.of("variant", "exporter", "CPU µs/req",
        "added CPU µs/req", "allocated KiB/req", "GC pauses µs/req", "longest GC pause ms", "peak threads",
        "JIT share of CPU"));
    SetupResult baseline = baseline(route);
    if (baseline != null) {
      table.row(decompositionRow(baseline, baseline));
    }
    for (Variant variant : options.variants()) {
      if (variant.isMode()) {
        for (Exporter exporter : options.exporters()) {
          SetupResult result = find(variant, exporter, BatchSettings.SHARED, route);
          if (result != null) {
            table.row(decompositionRow(result, baseline));
          }
        }
      }
    }
    return table;
  }

  private List<List<String>> decompositionRow(SetupResult result, SetupResult baseline) {
    boolean isBaseline = result.setup.variant() == Variant.BASELINE;
    List<List<String>> cells = new ArrayList<>();
    cells.add(List.of(result.setup.variant().label));
    cells.add(List.of(isBaseline ? "(no SDK)" : result.setup.exporter().label));
    cells.add(figure(result, Run::cpuMicrosPerRequest, "%.1f", baseline));
    cells.add(List.of(isBaseline || baseline == null ? "—"
        : signed(result.difference(Run::cpuMicrosPerRequest, baseline), "%.1f")));
    cells.add(figure(result, Run::allocatedKibPerRequest, "%.2f", baseline));
    cells.add(figure(result, Run::gcPauseMicrosPerRequest, "%.2f", baseline));
    cells.add(figure(result, Run::longestPauseMillis, "%.1f", baseline));
    cells.add(figure(result, Run::peakThreads, "%.0f", baseline));
    cells.add(List.of(percent(result.spread(Run::jitShare))));
    return cells;
  }

  /** Manual over OTLP with each shared batch setting, and with that setting put back to the SDK's own default. */
  Table batchTable() {
    Route route = firstRoute();
    SetupResult shared = find(Variant.MANUAL, Exporter.OTLP, BatchSettings.SHARED, route);
    Table table = new Table("`" + route + "`, manual over OTLP, batch span processor settings", List.of("settings",
        "CPU µs/req", "allocated KiB/req", "p99 ms", "p99 ms at " + format("%.0f", shared == null ? 0 : shared.pacedRate)
            + "/s", "longest GC pause ms", "peak RSS MiB", "spans / requests"));
    if (shared == null || options.batchSettings().size() < 2) {
      return table;
    }
    for (BatchSettings settings : options.batchSettings()) {
      SetupResult result = find(Variant.MANUAL, Exporter.OTLP, settings, route);
      if (result == null) {
        continue;
      }
      table.row(List.of(List.of(settings.description),
          figure(result, Run::cpuMicrosPerRequest, "%.1f", shared),
          figure(result, Run::allocatedKibPerRequest, "%.2f", shared),
          figure(result, run -> run.latencyMillis(99), "%.2f", shared),
          figure(result, run -> run.pacedMillis(99), "%.2f", shared),
          figure(result, Run::longestPauseMillis, "%.1f", shared),
          figure(result, Run::peakRssMib, "%.0f", shared),
          List.of(spans(result))));
    }
    return table;
  }

  /** The profiles side by side: each share of the CPU, as a percentage and as microseconds per request. */
  Table profileTable() {
    List<String> headers = new ArrayList<>(List.of("share of the server's CPU"));
    profiles.forEach(profile -> headers.add(profile.variant().label));
    Table table = new Table("profiles: `" + firstRoute() + "`, exporting over OTLP", headers);
    if (profiles.isEmpty()) {
      return table;
    }
    for (Share share : Share.values()) {
      List<List<String>> cells = new ArrayList<>(List.of(List.of(share.label)));
      profiles.forEach(profile -> cells.add(List.of(percent(profile.share(share)),
          profile.micros(share).format("%.1f") + " µs")));
      table.row(cells);
    }
    List<List<String>> total = new ArrayList<>(List.of(List.of("CPU per request while profiled")));
    profiles.forEach(profile -> total.add(List.of(profile.cpuMicrosPerRequest().format("%.1f") + " µs")));
    return table.row(total);
  }

  List<Table> tables() {
    List<Table> tables = new ArrayList<>();
    options.routes().forEach(route -> tables.add(mainTable(route)));
    tables.add(decompositionTable());
    tables.add(batchTable());
    tables.add(profileTable());
    return tables.stream().filter(table -> !table.isEmpty()).toList();
  }

  // ---- cells

  /** The figure with its spread and, unless this is the reference row, its ratio to the reference, round by round. */
  static List<String> figure(SetupResult result, ToDoubleFunction<Run> figure, String format, SetupResult reference) {
    String value = result.spread(figure).format(format);
    if (reference == null || reference == result) {
      return List.of(value);
    }
    return List.of(value, result.ratio(figure, reference).ratio());
  }

  private static List<String> startup(SetupResult result, SetupResult baseline) {
    String value = result.startupSeconds().format("%.2f");
    if (baseline == null || baseline == result) {
      return List.of(value);
    }
    return List.of(value, result.startupRatio(baseline).ratio());
  }

  static String spans(SetupResult result) {
    if (result.setup.variant() == Variant.BASELINE) {
      return "none exported";
    }
    if (!result.setup.countsSpans()) {
      return "not counted";
    }
    long dropped = result.spansExpected() - result.spansExported();
    return result.spansExported() + " / " + result.spansExpected() + (dropped > 0 ? " (" + dropped + " dropped)" : "");
  }

  static String signed(Spread spread, String format) {
    if (!spread.isKnown()) {
      return "n/a";
    }
    return spread.format("%+" + format.substring(1));
  }

  static String percent(Spread spread) {
    if (!spread.isKnown()) {
      return "n/a";
    }
    return new Spread(100 * spread.median(), 100 * spread.min(), 100 * spread.max(), spread.rounds()).format("%.1f")
        + " %";
  }

  static String format(String format, double value) {
    return String.format(Locale.ROOT, format, value);
  }

  // ---- outputs

  String settings() {
    return String.format(Locale.ROOT, "%d setups; start-up: %d launches; load: %d round(s), each setup a new JVM warmed"
            + " up until its JIT compiler settled (at most %d s), then %d s as fast as it answers and %d s at a fixed"
            + " rate (%s), %d concurrent connections, loopback;"
            + " setups interleaved; %d min in all. Machine: %s.",
        results.size(), options.launches(), options.rounds(), options.warmup().toSeconds(),
        options.duration().toSeconds(), options.pacedDuration().toSeconds(), fixedRate(),
        options.concurrency(), Math.max(1, Math.round(elapsed.toSeconds() / 60.0)), machine);
  }

  /** Where the fixed rate came from, in words. */
  String fixedRate() {
    return options.rate() > 0 ? "set by --rate"
        : "half of what " + options.variants().get(0).label + " sustained in a run of its own before the rounds";
  }

  String table() {
    StringBuilder out = new StringBuilder("\n");
    tables().forEach(table -> out.append(table.console()).append('\n'));
    profiles.forEach(set -> set.rounds().forEach(profile -> out.append(profile.summary()).append('\n')));
    return out.append(settings()).append('\n').toString();
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    tables().forEach(table -> out.append("### ").append(table.title).append("\n\n").append(table.markdown()).append('\n'));
    return out.toString();
  }

  /** One line per launch: every figure of every round, for whoever wants to look further. */
  String csv() {
    StringBuilder out = new StringBuilder("route,variant,exporter,batch,round,warmup_s,requests,failures,throughput_rps,"
        + "p50_ms,p99_ms,max_ms,paced_rate_rps,paced_p50_ms,paced_p99_ms,cpu_us_per_request,jit_share,"
        + "allocated_kib_per_request,gc_pause_us_per_request,longest_pause_ms,gc_count,peak_threads,peak_rss_mib,"
        + "spans_expected,spans_exported\n");
    for (SetupResult result : results) {
      for (int round = 0; round < result.runs.size(); round++) {
        Run run = result.runs.get(round);
        out.append(String.join(",", result.setup.route().target(), result.setup.variant().label,
            result.setup.exporter().label, result.setup.batch().label, String.valueOf(round + 1),
            format("%.1f", run.warmup().toNanos() / 1e9), String.valueOf(run.requests()),
            String.valueOf(run.failures()), format("%.1f", run.throughput()), format("%.3f", run.latencyMillis(50)),
            format("%.3f", run.latencyMillis(99)), format("%.3f", run.maxLatencyMillis()),
            format("%.1f", run.paced() == null ? 0 : result.pacedRate), format("%.3f", run.pacedMillis(50)),
            format("%.3f", run.pacedMillis(99)), format("%.2f", run.cpuMicrosPerRequest()),
            format("%.4f", run.jitShare()), format("%.3f", run.allocatedKibPerRequest()),
            format("%.3f", run.gcPauseMicrosPerRequest()), format("%.2f", run.longestPauseMillis()),
            String.valueOf(run.jvm() == null ? -1 : run.jvm().collections()), format("%.0f", run.peakThreads()),
            format("%.1f", run.peakRssMib()), String.valueOf(run.spansExpected()),
            String.valueOf(run.spansExported()))).append('\n');
      }
    }
    return out.toString();
  }

  /** Start-ups, one line per launch. */
  String startupCsv() {
    StringBuilder out = new StringBuilder("variant,launch,startup_s\n");
    for (SetupResult result : results) {
      for (int launch = 0; launch < result.startups.size(); launch++) {
        out.append(result.setup.variant().label).append(',').append(launch + 1).append(',')
            .append(format("%.3f", result.startups.get(launch).toNanos() / 1e9)).append('\n');
      }
    }
    return out.toString();
  }

  /** Two bar charts side by side, median with the range as a whisker: start-up, and throughput over baseline's. */
  String svg() {
    Route route = firstRoute();
    List<SetupResult> rows = options.variants().stream().map(variant -> main(variant, route))
        .filter(result -> result != null).toList();
    SetupResult baseline = baseline(route);
    int rowHeight = 28;
    int top = 40;
    int height = top + rowHeight * rows.size() + 20;
    double maxStartup = rows.stream().mapToDouble(result -> result.startupSeconds().max()).filter(v -> !Double.isNaN(v))
        .max().orElse(1);
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n"
            + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
            + "<text x=\"130\" y=\"20\" font-weight=\"bold\">start-up, s (median, min–max)</text>%n"
            + "<text x=\"470\" y=\"20\" font-weight=\"bold\">throughput, × baseline (median, min–max)</text>%n", height));
    for (int i = 0; i < rows.size(); i++) {
      SetupResult result = rows.get(i);
      int y = top + i * rowHeight;
      Spread startup = result.startupSeconds();
      Spread ratio = baseline == null ? new Spread(1, 1, 1, 1) : result.ratio(Run::throughput, baseline);
      svg.append(String.format(Locale.ROOT, "<text x=\"120\" y=\"%d\" text-anchor=\"end\">%s</text>%n", y + 13,
          result.setup.variant().label));
      bar(svg, 130, y, 200 / maxStartup, startup, "#4e79a7", "%.2f");
      bar(svg, 470, y, 200 / 1.3, clamp(ratio, 1.3), "#59a14f", "%.2f");
    }
    return svg.append("</svg>\n").toString();
  }

  private static void bar(StringBuilder svg, double x, int y, double scale, Spread spread, String color, String format) {
    if (!spread.isKnown()) {
      return;
    }
    double width = spread.median() * scale;
    svg.append(String.format(Locale.ROOT,
        "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>%n"
            + "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>%n"
            + "<text x=\"%.1f\" y=\"%d\">%s</text>%n",
        x, y, width, color, x + spread.min() * scale, y + 9, x + spread.max() * scale, y + 9,
        x + Math.max(width, spread.max() * scale) + 5, y + 13, String.format(Locale.ROOT, format, spread.median())));
  }

  private static Spread clamp(Spread spread, double limit) {
    return new Spread(Math.min(spread.median(), limit), Math.min(spread.min(), limit), Math.min(spread.max(), limit),
        spread.rounds());
  }

  void writeTo(Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("bench.md"), markdown() + "\n" + settings() + "\n");
    Files.writeString(directory.resolve("bench.csv"), csv());
    Files.writeString(directory.resolve("startup.csv"), startupCsv());
    Files.writeString(directory.resolve("bench.svg"), svg());
  }

  void writeDocs(Path docs) throws IOException {
    Files.createDirectories(docs);
    Files.writeString(docs.resolve("performance.svg"), svg());
    for (ProfileSet profile : profiles) {
      Files.copy(profile.svg(), docs.resolve(profile.svg().getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.writeString(docs.resolve("performance.md"), new PerformanceDoc(this).text());
  }

  /** The profiles of {@code variant}, or null. */
  ProfileSet profile(Variant variant) {
    return profiles.stream().filter(profile -> profile.variant() == variant).findFirst().orElse(null);
  }
}
