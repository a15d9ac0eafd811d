package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import io.opentelemetry.example.autoinstrumentation.tooling.bench.FlameGraph.Share;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** A run's data as tables: on the console, in target/bench (Markdown, CSV, an SVG chart), and for the docs. */
final class BenchReport {

  final BenchData data;

  BenchReport(BenchData data) {
    this.data = data;
  }

  // ---- the tables

  /** Each variant's start-up with its steady state beside it, on the route the recipes run on: no recipe without its price. */
  Table startupTable() {
    Route route = recipeRoute();
    String fixed = format("%.0f", pacedRate(route)) + "/s";
    Table table = new Table("start-up, and the steady state on `" + route.path() + "`, exporting over OTLP",
        List.of("variant", "start-up s", "CPU µs/req", "req/s", "p99 ms at " + fixed));
    for (Variant variant : data.variants()) {
      SetupResult result = data.main(variant, route);
      SetupResult baseline = data.baselineOf(variant, route);
      if (result == null) {
        continue;
      }
      table.row(List.of(List.of(variant.label),
          withRatio(data.startupSeconds(variant), variant == variant.baseline() ? null
              : data.startupRatio(variant, variant.baseline()), "%.2f"),
          figure(result, Run::cpuMicrosPerRequest, "%.1f", baseline),
          figure(result, Run::throughput, "%.0f", baseline),
          figure(result, Run::pacedP99Millis, "%.2f", baseline)));
    }
    return table;
  }

  /** The Spring Boot variants' start-up, wall and CPU, each over the service without telemetry's, launch by launch. */
  Table springTable() {
    Table table = new Table("the Spring Boot service's start-up, to the first answer on `" + Launch.STARTED.path()
        + "`", List.of("variant", "start-up s", "CPU s by then"));
    SpringResult baseline = data.spring(Spring.BASELINE);
    for (SpringResult result : data.spring()) {
      boolean reference = baseline == null || result == baseline;
      table.row(List.of(List.of(result.variant().label),
          withRatio(result.spread(SpringResult.Startup::seconds),
              reference ? null : result.ratio(SpringResult.Startup::seconds, baseline), "%.2f"),
          withRatio(result.spread(SpringResult.Startup::cpuSeconds),
              reference ? null : result.ratio(SpringResult.Startup::cpuSeconds, baseline), "%.2f")));
    }
    return table;
  }

  /** Where the recipes run: the last route, the representative one unless {@code --routes} says otherwise. */
  Route recipeRoute() {
    return data.settings().routes().get(data.settings().routes().size() - 1);
  }

  /** The main table of a route: every variant exporting over OTLP, against the server without telemetry. */
  Table mainTable(Route route) {
    String fixed = format("%.0f", pacedRate(route)) + "/s";
    Table table = new Table("`" + route + "`, every variant exporting over OTLP", List.of("variant", "req/s",
        "p50 ms", "p99 ms", "max ms", "p50 ms at " + fixed, "p99 ms at " + fixed, "CPU µs/req", "allocated KiB/req",
        "peak RSS MiB", "spans / requests"));
    for (Variant variant : data.variants()) {
      SetupResult result = data.main(variant, route);
      if (result == null) {
        continue;
      }
      SetupResult baseline = data.baselineOf(variant, route);
      table.row(List.of(List.of(variant.label),
          figure(result, Run::throughput, "%.0f", baseline),
          figure(result, Run::p50Millis, "%.2f", baseline),
          figure(result, Run::p99Millis, "%.2f", baseline),
          List.of(result.spread(Run::maxMillis).format("%.1f")),
          figure(result, Run::pacedP50Millis, "%.2f", baseline),
          figure(result, Run::pacedP99Millis, "%.2f", baseline),
          figure(result, Run::cpuMicrosPerRequest, "%.1f", baseline),
          figure(result, Run::allocatedKibPerRequest, "%.1f", baseline),
          figure(result, Run::peakRssMib, "%.0f", baseline),
          List.of(spans(result))));
    }
    return table;
  }

  /** What each variant adds to a request's CPU on each route, in microseconds and as a share of its baseline's. */
  Table costTable() {
    List<String> headers = new ArrayList<>(List.of("variant"));
    for (Route route : routesRealisticFirst()) {
      headers.addAll(List.of("added CPU µs/req, `" + route.path() + "`", "share of baseline's, `" + route.path() + "`"));
    }
    Table table = new Table("what each variant adds to a request's CPU", headers);
    for (Variant variant : data.variants()) {
      if (variant.isBaseline() || data.settings().routes().stream().anyMatch(route -> data.main(variant, route) == null)) {
        continue; // a recipe, measured on one route: the start-up table shows its cost
      }
      List<List<String>> cells = new ArrayList<>(List.of(List.of(variant.label)));
      for (Route route : routesRealisticFirst()) {
        SetupResult result = data.main(variant, route);
        SetupResult baseline = data.baselineOf(variant, route);
        if (result == null || baseline == null) {
          cells.addAll(List.of(List.of("n/a"), List.of("n/a")));
          continue;
        }
        cells.add(List.of(signed(result.difference(Run::cpuMicrosPerRequest, baseline), "%.1f")));
        cells.add(List.of(share(result.ratio(Run::cpuMicrosPerRequest, baseline))));
      }
      table.row(cells);
    }
    return table;
  }

  /** Each mode with every exporter on the first route: what instrumentation, export and the console each add. */
  Table decompositionTable() {
    Route route = data.settings().firstRoute();
    Table table = new Table("`" + route + "`, each mode's cost by layer", List.of("variant", "exporter", "CPU µs/req",
        "added CPU µs/req", "allocated KiB/req", "GC pauses µs/req", "longest GC pause ms", "peak threads",
        "JIT compiling / CPU"));
    SetupResult baseline = data.main(Variant.BASELINE, route);
    if (baseline == null || data.settings().exporters().size() < 2) {
      return table;
    }
    table.row(decompositionRow(baseline, baseline));
    for (Variant variant : data.variants()) {
      if (variant.isMode()) {
        for (Exporter exporter : data.settings().exporters()) {
          SetupResult result = data.find(variant, exporter, BatchSettings.SHARED, route);
          if (result != null) {
            table.row(decompositionRow(result, baseline));
          }
        }
      }
    }
    return table;
  }

  private List<List<String>> decompositionRow(SetupResult result, SetupResult baseline) {
    boolean isBaseline = result == baseline;
    return List.of(List.of(result.setup().variant().label),
        List.of(isBaseline ? "(no SDK)" : result.setup().exporter().label),
        figure(result, Run::cpuMicrosPerRequest, "%.1f", baseline),
        List.of(isBaseline ? "—" : signed(result.difference(Run::cpuMicrosPerRequest, baseline), "%.1f")),
        figure(result, Run::allocatedKibPerRequest, "%.2f", baseline),
        figure(result, Run::gcPauseMicrosPerRequest, "%.2f", baseline),
        figure(result, Run::longestPauseMillis, "%.1f", baseline),
        figure(result, Run::peakThreads, "%.0f", baseline),
        List.of(percent(result.spread(Run::jitShare))));
  }

  /** Manual over OTLP with the shared batch settings, and with one of them put back to the SDK's own default. */
  Table batchTable() {
    Route route = data.settings().firstRoute();
    SetupResult shared = data.find(Variant.MANUAL, Exporter.OTLP, BatchSettings.SHARED, route);
    Table table = new Table("`" + route + "`, manual over OTLP, batch span processor settings", List.of("settings",
        "CPU µs/req", "allocated KiB/req", "p99 ms", "p99 ms at " + format("%.0f", pacedRate(route)) + "/s",
        "longest GC pause ms", "peak RSS MiB", "spans / requests"));
    if (shared == null || data.settings().batchSettings().size() < 2) {
      return table;
    }
    for (BatchSettings settings : data.settings().batchSettings()) {
      SetupResult result = data.find(Variant.MANUAL, Exporter.OTLP, settings, route);
      if (result != null) {
        table.row(List.of(List.of(settings.description),
            figure(result, Run::cpuMicrosPerRequest, "%.1f", shared),
            figure(result, Run::allocatedKibPerRequest, "%.2f", shared),
            figure(result, Run::p99Millis, "%.2f", shared),
            figure(result, Run::pacedP99Millis, "%.2f", shared),
            figure(result, Run::longestPauseMillis, "%.1f", shared),
            figure(result, Run::peakRssMib, "%.0f", shared),
            List.of(spans(result))));
      }
    }
    return table;
  }

  /** The profiles side by side: each share of the CPU, as a percentage and as microseconds per request. */
  Table profileTable() {
    List<String> headers = new ArrayList<>(List.of("share of the server's CPU"));
    data.profiles().forEach(profile -> headers.add(profile.variant().label));
    Table table = new Table("profiles: `" + data.settings().firstRoute() + "`, exporting over OTLP", headers);
    if (data.profiles().isEmpty()) {
      return table;
    }
    for (Share share : Share.values()) {
      List<List<String>> cells = new ArrayList<>(List.of(List.of(share.label)));
      data.profiles().forEach(profile -> cells.add(List.of(percent(profile.share(share)),
          profile.micros(share).format("%.1f") + " µs")));
      table.row(cells);
    }
    List<List<String>> total = new ArrayList<>(List.of(List.of("CPU per request while profiled")));
    data.profiles().forEach(profile -> total.add(List.of(profile.cpuMicrosPerRequest().format("%.1f") + " µs")));
    return table.row(total);
  }

  List<Table> tables() {
    List<Table> tables = new ArrayList<>(List.of(startupTable(), springTable()));
    if (data.settings().routes().size() > 1) {
      tables.add(costTable());
    }
    data.settings().routes().forEach(route -> tables.add(mainTable(route)));
    tables.addAll(List.of(decompositionTable(), batchTable(), profileTable()));
    return tables.stream().filter(table -> !table.isEmpty()).toList();
  }

  // ---- the noise

  /**
   * How noisy the run was, in words: baseline against itself when it was measured twice, and the rounds' ranges
   * otherwise.
   */
  String noise() {
    List<String> said = new ArrayList<>();
    for (Route route : data.settings().routes()) {
      SetupResult again = data.main(Variant.BASELINE_AGAIN, route);
      SetupResult baseline = data.main(Variant.BASELINE, route);
      if (again != null && baseline != null) {
        said.add(String.format(Locale.ROOT, "on `%s`, CPU a request %s, req/s %s, p99 at the fixed rate %s", route,
            again.ratio(Run::cpuMicrosPerRequest, baseline).ratio(), again.ratio(Run::throughput, baseline).ratio(),
            again.ratio(Run::pacedP99Millis, baseline).ratio()));
      }
    }
    String rounds = data.settings().rounds() == 1
        ? "One round: no figure has a range."
        : "Each figure is the median of " + data.settings().rounds() + " rounds with its range, min–max.";
    if (said.isEmpty()) {
      return data.settings().rounds() == 1 ? rounds
          : rounds + " A difference whose range of ratios excludes 1.00 is beyond the noise of the run.";
    }
    return String.format(Locale.ROOT, "Noise: baseline measured twice in the same round, the second time last of"
            + " its route, against itself: start-up %s; %s. %s Read a difference no larger than these as noise.",
        data.startupRatio(Variant.BASELINE_AGAIN, Variant.BASELINE).ratio(), String.join("; ", said), rounds);
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

  private static List<String> withRatio(Spread value, Spread ratio, String format) {
    return ratio == null ? List.of(value.format(format)) : List.of(value.format(format), ratio.ratio());
  }

  static String spans(SetupResult result) {
    if (!result.setup().variant().exportsSpans()) {
      return "none exported";
    }
    if (!result.setup().countsSpans()) {
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

  /** A ratio to baseline as what it adds: 1.12× (1.05–1.18) as +12 (+5–+18) %. */
  static String share(Spread ratio) {
    if (!ratio.isKnown()) {
      return "n/a";
    }
    return signed(new Spread(100 * (ratio.median() - 1), 100 * (ratio.min() - 1), 100 * (ratio.max() - 1),
        ratio.rounds()), "%.0f") + " %";
  }

  static String format(String format, double value) {
    return String.format(Locale.ROOT, format, value);
  }

  /** The fixed rate of a route's paced phases. */
  double pacedRate(Route route) {
    return data.results().stream().filter(result -> result.setup().route().equals(route))
        .mapToDouble(SetupResult::pacedRate).filter(rate -> rate > 0).findFirst().orElse(0);
  }

  /** The representative route first, where a handler does real work; the Python example's second. */
  List<Route> routesRealisticFirst() {
    List<Route> routes = new ArrayList<>(data.settings().routes());
    routes.sort((a, b) -> Boolean.compare(a.path().equals(Route.SERVER_REQUEST.path()),
        b.path().equals(Route.SERVER_REQUEST.path())));
    return routes;
  }

  // ---- outputs

  String settings() {
    Settings settings = data.settings();
    return String.format(Locale.ROOT, "%s run, %d setups and %d Spring Boot variants: %d round(s), each setup a new"
            + " JVM, timed to its first answer, warmed up until its JIT compiler settled (at most %d s), then %d s as"
            + " fast as it answers and %d s at a fixed rate (%s), %d concurrent connections, loopback; each Spring"
            + " Boot variant a new JVM, timed to its first answer and stopped; setups interleaved, and the Spring Boot"
            + " variants among themselves; %d min in all. Machine: %s; %s%s.",
        settings.full() ? "Full" : "Quick", data.results().size(), data.spring().size(), settings.rounds(),
        settings.warmupSeconds(),
        settings.durationSeconds(), settings.pacedDurationSeconds(), fixedRate(), settings.concurrency(),
        data.minutes(), data.machine(), data.jdk(),
        settings.jdk25() == null ? ", no JDK 25" : "; JDK 25 at " + settings.jdk25());
  }

  /** Where the fixed rate came from, in words. */
  String fixedRate() {
    return data.settings().rate() > 0 ? "set by --rate"
        : "half of what the route's first setup, " + data.settings().variants().get(0).label
            + ", sustained in the first round";
  }

  String console() {
    StringBuilder out = new StringBuilder("\n");
    tables().forEach(table -> out.append(table.console()).append('\n'));
    return out.append(noise()).append('\n').append(settings()).append('\n').toString();
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    tables().forEach(table -> out.append("### ").append(table.title).append("\n\n").append(table.markdown()).append('\n'));
    return out.append(noise()).append("\n\n").append(settings()).append('\n').toString();
  }

  /** One line per launch of a setup: every figure of every round, for whoever wants to look further. */
  String csv() {
    StringBuilder out = new StringBuilder("route,variant,exporter,batch,round,startup_s,warmup_s,requests,failures,"
        + "throughput_rps,p50_ms,p99_ms,max_ms,paced_rate_rps,paced_mean_ms,paced_p50_ms,paced_p95_ms,paced_p99_ms,"
        + "cpu_us_per_request,jit_share,allocated_kib_per_request,gc_pause_us_per_request,longest_pause_ms,gc_count,"
        + "peak_threads,peak_rss_mib,spans_expected,spans_exported\n");
    for (SetupResult result : data.results()) {
      Setup setup = result.setup();
      for (int round = 0; round < result.runs().size(); round++) {
        Run run = result.runs().get(round);
        out.append(String.join(",", setup.route().target(), setup.variant().label, setup.exporter().label,
            setup.batch().label, String.valueOf(round + 1), format("%.3f", run.startupSeconds()),
            format("%.1f", run.warmupSeconds()), String.valueOf(run.requests()), String.valueOf(run.failures()),
            format("%.1f", run.throughput()), format("%.3f", run.p50Millis()), format("%.3f", run.p99Millis()),
            format("%.3f", run.maxMillis()), format("%.1f", run.pacedRate()), format("%.3f", run.pacedMeanMillis()),
            format("%.3f", run.pacedP50Millis()), format("%.3f", run.pacedP95Millis()),
            format("%.3f", run.pacedP99Millis()), format("%.2f", run.cpuMicrosPerRequest()),
            format("%.4f", run.jitShare()), format("%.3f", run.allocatedKibPerRequest()),
            format("%.3f", run.gcPauseMicrosPerRequest()), format("%.2f", run.longestPauseMillis()),
            String.valueOf(run.collections()), format("%.0f", run.peakThreads()), format("%.1f", run.peakRssMib()),
            String.valueOf(run.spansExpected()), String.valueOf(run.spansExported()))).append('\n');
      }
    }
    return out.toString();
  }

  /** Two bar charts side by side, median with the range as a whisker: start-up, and throughput over the baseline's. */
  String svg() {
    Route route = recipeRoute();
    List<Variant> rows = data.variants();
    int rowHeight = 28;
    int top = 40;
    int height = top + rowHeight * rows.size() + 20;
    double maxStartup = rows.stream().mapToDouble(variant -> data.startupSeconds(variant).max())
        .filter(v -> !Double.isNaN(v)).max().orElse(1);
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"820\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n"
            + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
            + "<text x=\"160\" y=\"20\" font-weight=\"bold\">start-up, s (median, min–max)</text>%n"
            + "<text x=\"500\" y=\"20\" font-weight=\"bold\">req/s on %s, × its baseline</text>%n", height,
        route.path()));
    for (int i = 0; i < rows.size(); i++) {
      Variant variant = rows.get(i);
      int y = top + i * rowHeight;
      SetupResult result = data.main(variant, route);
      SetupResult baseline = data.baselineOf(variant, route);
      Spread ratio = result == null || baseline == null ? Spread.NONE : result.ratio(Run::throughput, baseline);
      svg.append(String.format(Locale.ROOT, "<text x=\"150\" y=\"%d\" text-anchor=\"end\">%s</text>%n", y + 13,
          variant.label));
      bar(svg, 160, y, 200 / maxStartup, data.startupSeconds(variant), "#4e79a7", "%.2f");
      bar(svg, 500, y, 200 / 1.3, clamp(ratio, 1.3), "#59a14f", "%.2f");
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

  /** The data and what is made of it: target/bench/bench.json, .csv, .md and .svg. */
  void writeTo(Path directory) throws IOException {
    Files.createDirectories(directory);
    data.write(directory.resolve("bench.json"));
    Files.writeString(directory.resolve("bench.md"), markdown());
    Files.writeString(directory.resolve("bench.csv"), csv());
    Files.writeString(directory.resolve("bench.svg"), svg());
  }

  /** The flame graphs the profiles drew, beside the page that shows them. */
  void writeFlameGraphs(Path docs) throws IOException {
    Path out = docs.getParent().resolve("target/bench");
    for (ProfileSummary profile : data.profiles()) {
      Files.copy(out.resolve(profile.flameGraph()), docs.resolve(profile.flameGraph()),
          StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
