package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import io.opentelemetry.example.autoinstrumentation.tooling.bench.FlameGraph.Share;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * docs/performance.md, written from one run of the bench: the tables, the flame graphs, and a reading that quotes the
 * run's own figures and says which differences are beyond the noise of the run.
 */
final class PerformanceDoc {

  private final BenchReport report;
  private final Route serverRequest;

  PerformanceDoc(BenchReport report) {
    this.report = report;
    this.serverRequest = report.firstRoute();
  }

  String text() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, """
        # Performance: what each mode costs, and where it goes

        Measured by `make bench` on %s, on %s. Every setup is measured against the same server with no telemetry at \
        all (**baseline**), in the same run. Each figure is the median of %d rounds with its range over the rounds, \
        min–max, in parentheses; under it, the same figure over baseline's in the same round, as a ratio with its \
        range. Every round launches each setup anew, warms it up until its JIT compiler has settled, then measures \
        it; setups take turns, so that a change in the machine's load falls on all of them alike. A difference is \
        called **beyond the noise** below when the range of its ratio excludes 1.00, that is when every round agrees \
        on its direction; otherwise it is within the noise of this run. With no difference at all, %d rounds agree \
        by chance one time in %d: read a single verdict with that in mind, and run more rounds before acting on a \
        small one.

        """, LocalDate.now(), report.machine, report.options.rounds(), report.options.rounds(),
        1 << (report.options.rounds() - 1)));
    out.append(section("The Python example's route, `" + serverRequest.path() + "`", serverRequest)).append('\n');
    out.append("![start-up and throughput per variant](performance.svg)\n\n").append(reading());
    for (Route route : report.options.routes()) {
      if (!route.equals(serverRequest)) {
        out.append(section("A representative route, `" + route.path() + "`", route)).append(representative(route));
      }
    }
    out.append(decomposition());
    out.append(flameGraphs());
    out.append(libraryAgainstManual());
    out.append(batchSettings());
    out.append(measured());
    return out.toString();
  }

  private String section(String title, Route route) {
    return "## " + title + "\n\n`GET " + route + "`, every variant exporting its spans over OTLP.\n\n"
        + report.mainTable(route).markdown();
  }

  /** The main table in words: each figure over baseline's, with its range and whether it is beyond the noise. */
  private String reading() {
    SetupResult baseline = report.baseline(serverRequest);
    if (baseline == null) {
      return "";
    }
    List<String> startups = new ArrayList<>();
    for (Variant variant : report.options.variants()) {
      SetupResult result = report.main(variant, serverRequest);
      if (result != null && variant != Variant.BASELINE) {
        startups.add(variant.label + " " + noise(result.startupRatio(baseline)));
      }
    }
    return String.format(Locale.ROOT, """
        Reading it, each figure over baseline's:

        - **Start-up**: baseline answers its first request %s s after the JVM's launch; %s. The SDK modes pay for \
        the SDK's set-up, the agent for loading and instrumenting classes.
        - **CPU per request**, with everything a request costs, export included: %s.
        - **Throughput** as fast as the server answers, where the load generator shares the cores and CPU shows in \
        full: %s.
        - **p99 at the fixed rate**, what a client sees at a load the server can carry: %s; p50: %s.
        - **Peak RSS**: %s.

        """, baseline.startupSeconds().format("%.2f"), String.join("; ", startups),
        ratios(Run::cpuMicrosPerRequest), ratios(Run::throughput), ratios(run -> run.pacedMillis(99)),
        ratios(run -> run.pacedMillis(50)), ratios(Run::peakRssMib));
  }

  /** Every variant's figure over baseline's on the first route, with its range and the noise verdict. */
  private String ratios(ToDoubleFunction<Run> figure) {
    SetupResult baseline = report.baseline(serverRequest);
    List<String> ratios = new ArrayList<>();
    for (Variant variant : report.options.variants()) {
      SetupResult result = report.main(variant, serverRequest);
      if (result != null && variant != Variant.BASELINE) {
        ratios.add(variant.label + " " + noise(result.ratio(figure, baseline)));
      }
    }
    return String.join("; ", ratios);
  }

  private String representative(Route route) {
    SetupResult baseline = report.baseline(route);
    SetupResult firstBaseline = report.baseline(serverRequest);
    if (baseline == null || firstBaseline == null) {
      return "\n";
    }
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, """

        The handler ranks an in-memory catalogue and answers a small JSON document: baseline spends %s µs of CPU on a \
        request here, against %s µs on `%s`. What each mode adds to a request, here and there, and what that is of \
        baseline's CPU per request on each route:

        | variant | added CPU µs/req, `%s` | share of baseline's | added CPU µs/req, `%s` | share of baseline's |
        | --- | --- | --- | --- | --- |
        """, baseline.spread(Run::cpuMicrosPerRequest).format("%.0f"),
        firstBaseline.spread(Run::cpuMicrosPerRequest).format("%.0f"), serverRequest.path(), route.path(), serverRequest.path()));
    for (Variant variant : report.options.variants()) {
      SetupResult here = report.main(variant, route);
      SetupResult there = report.main(variant, serverRequest);
      if (here == null || there == null || variant == Variant.BASELINE) {
        continue;
      }
      out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", variant.label,
          BenchReport.signed(here.difference(Run::cpuMicrosPerRequest, baseline), "%.1f"),
          share(here.ratio(Run::cpuMicrosPerRequest, baseline)),
          BenchReport.signed(there.difference(Run::cpuMicrosPerRequest, firstBaseline), "%.1f"),
          share(there.ratio(Run::cpuMicrosPerRequest, firstBaseline))));
    }
    return out.append('\n').toString();
  }

  /** A ratio to baseline as what it adds: 1.12× (1.05–1.18) as +12% (+5–+18%). */
  private static String share(Spread ratio) {
    if (!ratio.isKnown()) {
      return "n/a";
    }
    return BenchReport.signed(new Spread(100 * (ratio.median() - 1), 100 * (ratio.min() - 1),
        100 * (ratio.max() - 1), ratio.rounds()), "%.0f") + " %";
  }

  private String decomposition() {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, """
        ## Where each mode's cost goes

        Each mode three times on `%s`: with `OTEL_TRACES_EXPORTER=none` (%s), `otlp` (%s), and `logging-otlp` (%s). \
        Besides CPU, what upstream's [`benchmark-overhead`](https://github.com/open-telemetry/opentelemetry-java-instrumentation/tree/main/benchmark-overhead) \
        reports: bytes allocated, GC pauses and the longest one, and peak live threads, all read from the server's JVM \
        over the measured phase.

        """, serverRequest, Exporter.NONE.description, Exporter.OTLP.description, Exporter.CONSOLE.description));
    out.append(report.decompositionTable().markdown()).append('\n');
    SetupResult baseline = report.baseline(serverRequest);
    if (baseline == null) {
      return out.toString();
    }
    for (Variant variant : report.options.variants()) {
      if (!variant.isMode()) {
        continue;
      }
      SetupResult none = report.find(variant, Exporter.NONE, BatchSettings.SHARED, serverRequest);
      SetupResult otlp = report.find(variant, Exporter.OTLP, BatchSettings.SHARED, serverRequest);
      SetupResult console = report.find(variant, Exporter.CONSOLE, BatchSettings.SHARED, serverRequest);
      if (none == null || otlp == null || console == null) {
        continue;
      }
      out.append(String.format(Locale.ROOT, "- **%s**: the instrumentation alone adds %s µs of CPU a request (%s);"
              + " the batch processor and OTLP export %s µs more (%s), the console exporter %s µs more than"
              + " instrumentation alone (%s). Allocation: %s, %s and %s KiB a request over baseline's %s.\n",
          variant.label,
          BenchReport.signed(none.difference(Run::cpuMicrosPerRequest, baseline), "%.1f"),
          noise(none.ratio(Run::cpuMicrosPerRequest, baseline)),
          BenchReport.signed(otlp.difference(Run::cpuMicrosPerRequest, none), "%.1f"),
          noise(otlp.ratio(Run::cpuMicrosPerRequest, none)),
          BenchReport.signed(console.difference(Run::cpuMicrosPerRequest, none), "%.1f"),
          noise(console.ratio(Run::cpuMicrosPerRequest, none)),
          BenchReport.signed(none.difference(Run::allocatedKibPerRequest, baseline), "%.2f"),
          BenchReport.signed(otlp.difference(Run::allocatedKibPerRequest, baseline), "%.2f"),
          BenchReport.signed(console.difference(Run::allocatedKibPerRequest, baseline), "%.2f"),
          baseline.spread(Run::allocatedKibPerRequest).format("%.2f")));
    }
    return out.append("""

        Peak threads: the SDK modes add the batch processor's worker and the OTLP sender's threads; the console \
        exporter writes from the batch processor's worker. The bench's own probe (a JMX connector and a recording of \
        the garbage collections) adds the same few threads to every setup, baseline included.

        """).toString();
  }

  private String flameGraphs() {
    if (report.profiles.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, """
        ## Flame graphs

        Each mode exporting over OTLP on `%s`, sampled by [async-profiler](https://github.com/async-profiler/async-profiler) \
        (%s) for %d s of load once warm, in each of %d launches, the modes taking turns; each graph holds the samples \
        of all its launches, and each figure below is the median over the launches with its range. `make profile \
        MODE=...` draws one, with async-profiler's interactive HTML page beside it. A frame's width is its share of the server's CPU samples, what it calls included; callers below, callees \
        above, one tower per kind of thread. **OpenTelemetry's frames are purple**: the API, the SDK, the exporters, \
        the agent's and the library's instrumentation, and the manual span's code. A purple frame wide at the bottom \
        of a tower, such as the library's `OpenTelemetryHandler.handle` or the manual `traced` lambda, wraps the \
        request: its own cost is the purple above it, not the green Jetty and Spark work it calls.

        The table splits each profile by where the CPU went: a sample counts for the first of OpenTelemetry, the \
        route, or Jetty and Spark that its stack shows from the leaf down (JDK frames count for whoever called them); \
        samples on the JIT compiler's, the garbage collector's and OpenTelemetry's own threads count for those. \
        Microseconds are the share times the CPU per request measured while profiling, which the profiler itself \
        raises by a few percent.

        """, serverRequest, report.profiles.get(0).engine(), report.options.profile().toSeconds(),
        report.profiles.get(0).rounds().size()));
    out.append(report.profileTable().markdown()).append('\n');
    for (ProfileSet profile : report.profiles) {
      String name = profile.variant().label;
      out.append("### ").append(name).append("\n\n")
          .append("![").append(name).append(" flame graph](").append(profile.svg().getFileName()).append(")\n\n")
          .append(dominates(profile)).append("\n\n");
    }
    return out.toString();
  }

  /** What dominates a profile, in words, from its shares and its largest OpenTelemetry operations. */
  static String dominates(ProfileSet profile) {
    List<String> request = new ArrayList<>();
    for (Map.Entry<String, Spread> operation : profile.topOperations(Share.REQUEST_PATH, 3)) {
      request.add("`" + operation.getKey() + "` " + BenchReport.percent(operation.getValue()));
    }
    List<String> background = new ArrayList<>();
    for (Map.Entry<String, Spread> operation : profile.topOperations(Share.BACKGROUND, 2)) {
      background.add("`" + operation.getKey() + "` " + BenchReport.percent(operation.getValue()));
    }
    boolean pythonExamplesRoute = profile.rounds().get(0).setup().route().path().equals(Route.SERVER_REQUEST.path());
    return String.format(Locale.ROOT, "Jetty and Spark take %s of the CPU and the route %s%s. OpenTelemetry takes %s"
            + " on the request threads, %s µs a request%s, and %s on its own threads, %s µs a request%s.",
        BenchReport.percent(profile.share(Share.SERVER)), BenchReport.percent(profile.share(Share.ROUTE)),
        pythonExamplesRoute ? " (its `println`, through a synchronized stream to a pipe)" : "",
        BenchReport.percent(profile.share(Share.REQUEST_PATH)), profile.micros(Share.REQUEST_PATH).format("%.1f"),
        request.isEmpty() ? "" : " (largest: " + String.join(", ", request) + ")",
        BenchReport.percent(profile.share(Share.BACKGROUND)), profile.micros(Share.BACKGROUND).format("%.1f"),
        background.isEmpty() ? "" : " (largest: " + String.join(", ", background) + ")");
  }

  private String libraryAgainstManual() {
    SetupResult manual = report.find(Variant.MANUAL, Exporter.NONE, BatchSettings.SHARED, serverRequest);
    SetupResult library = report.find(Variant.PROGRAMMATIC, Exporter.NONE, BatchSettings.SHARED, serverRequest);
    SetupResult baseline = report.baseline(serverRequest);
    if (manual == null || library == null || baseline == null) {
      return "";
    }
    ProfileSet manualProfile = report.profile(Variant.MANUAL);
    ProfileSet libraryProfile = report.profile(Variant.PROGRAMMATIC);
    String profiles = manualProfile == null || libraryProfile == null ? "" : String.format(Locale.ROOT, """
         In the flame graphs, OpenTelemetry on the request threads costs the library %s µs a request and the manual \
        span %s µs.""",
        libraryProfile.micros(Share.REQUEST_PATH).format("%.1f"), manualProfile.micros(Share.REQUEST_PATH).format("%.1f"));
    return String.format(Locale.ROOT, """
        ## The library against the hand-written span

        Both make the same SERVER span with the same attributes (`make compare` checks it); the library does it \
        through upstream's Instrumenter API and its HTTP extractors, which also look for `Forwarded` and \
        `X-Forwarded-*` headers, normalise the method, redact the query, and name the span after the route Spark \
        matched. With instrumentation alone (`none`), the library's CPU per request over the manual span's, round by \
        round, is %s; it allocates %s as much (%s KiB a request over baseline, against %s KiB).%s

        What the library's profile showed, and what changed. Measured before and after on one busy 2-core machine, \
        `none`, median (min–max) of three launches each; allocation is the steadiest figure, and CPU per request \
        differences of a microsecond or two were within the noise there, so the profile's samples tell instead:

        - `HttpServerMetrics` records the request duration into the API's no-op histogram too: metrics are off in \
        the shared defaults, so the SDK hands out a no-op meter, and every request's attributes are merged to be \
        recorded nowhere. Skipping the metric for a no-op meter saved 0.73 KiB a request (6.98, 6.93–7.03, against \
        6.25, 6.24–6.25, over two launches) and took `Instrumenter.end` from 4.3%% (4.0–4.4%%) of the samples to \
        1.8%% (1.8–1.8%%); the library no longer does, as upstream's libraries and the agent do not: the only way to \
        tell a no-op meter was to compare the SDK's implementation classes, and over OTLP its CPU cost was within \
        the noise (+21.1, +14.8–+24.2, against +19.3, +16.1–+23.9, µs a request over baseline, three rounds each; \
        8.57 against 7.97 KiB a request).
        - The HTTP extractors ask the getter for about ten headers a request, most of them absent (`forwarded`, \
        `x-forwarded-for`, `x-forwarded-host`, ...), and the getter listed each into a new list. It now answers an \
        absent header with the empty list and a single one with a singleton: 0.49 KiB a request less (6.25 to 5.76, \
        5.71–5.80).
        - The protocol name and version are constants for HTTP/1.1 and 1.0, and the excluded-URL check does nothing \
        when no URL is excluded.

        Together, with the metric skipped, the library's allocation over baseline fell from 4.17 (4.14–4.18) to 2.83 \
        (2.73–2.83) KiB a request, against 2.58 (2.57–2.60) for the manual span, and OpenTelemetry on its request \
        threads from 3.8 (3.7–3.8) to 2.4 (2.3–2.5) µs a request, against 2.3 (2.1–2.3) for the manual span. The \
        library records `http.server.request.duration`, which the manual span does not, whether or not a metric \
        reader is configured: that is the one cost it has beyond the manual span's.

        """,
        noise(library.ratio(Run::cpuMicrosPerRequest, manual)),
        library.ratio(Run::allocatedKibPerRequest, manual).ratio(),
        BenchReport.signed(library.difference(Run::allocatedKibPerRequest, baseline), "%.2f"),
        BenchReport.signed(manual.difference(Run::allocatedKibPerRequest, baseline), "%.2f"),
        profiles);
  }

  private String batchSettings() {
    Table table = report.batchTable();
    if (table.isEmpty()) {
      return "";
    }
    SetupResult shared = report.find(Variant.MANUAL, Exporter.OTLP, BatchSettings.SHARED, serverRequest);
    StringBuilder out = new StringBuilder("""
        ## The batch span processor's settings

        `common/src/main/resources/otel-defaults.properties` sets the batch span processor for every mode: a queue of \
        16,384 spans (the SDK's default: 2,048) and a delay of 500 ms (5 s); batches are the SDK's 512 spans. Here \
        the manual mode over OTLP with those settings, and with one of them changed; ratios are to the shared \
        settings, round by round.

        """);
    out.append(table.markdown()).append('\n');
    for (BatchSettings settings : report.options.batchSettings()) {
      SetupResult result = report.find(Variant.MANUAL, Exporter.OTLP, settings, serverRequest);
      if (settings == BatchSettings.SHARED || result == null || shared == null) {
        continue;
      }
      out.append(String.format(Locale.ROOT, "- **%s**: CPU %s; p99 %s; p99 at the fixed rate %s; peak RSS %s; %s.\n",
          settings.description, verdict(result, shared, Run::cpuMicrosPerRequest),
          verdict(result, shared, run -> run.latencyMillis(99)), verdict(result, shared, run -> run.pacedMillis(99)),
          verdict(result, shared, Run::peakRssMib), BenchReport.spans(result) + " spans"));
    }
    SetupResult queue = report.find(Variant.MANUAL, Exporter.OTLP, BatchSettings.SDK_QUEUE, serverRequest);
    SetupResult delay = report.find(Variant.MANUAL, Exporter.OTLP, BatchSettings.SDK_DELAY, serverRequest);
    SetupResult batch = report.find(Variant.MANUAL, Exporter.OTLP, BatchSettings.LARGE_BATCH, serverRequest);
    if (shared == null || queue == null || delay == null || batch == null) {
      return out.toString();
    }
    return out.append(String.format(Locale.ROOT, """

        Why each is what it is. The queue of 16,384 is kept for bursts: the SDK's 2,048 fills while an exporter \
        catches up, and then drops spans (here %s; with 200 connections against the console exporter, up to 30%%: \
        [reliability](reliability.md), `LoadIT`). The delay of 500 ms is kept so that a span appears on the console \
        about half a second after its request, not five, which is what someone watching `make run-manual` waits for; here \
        the SDK's 5 s measured CPU %s, and p99 %s. The batch size is the SDK's 512; batches of 2,048 measured CPU \
        %s, and p99 %s. A verdict of three rounds on a shared machine is a hint, not a ruling (see the top of this \
        page).

        """, BenchReport.spans(queue) + " spans", verdict(delay, shared, Run::cpuMicrosPerRequest),
        verdict(delay, shared, run -> run.latencyMillis(99)), verdict(batch, shared, Run::cpuMicrosPerRequest),
        verdict(batch, shared, run -> run.latencyMillis(99)))).toString();
  }

  private String measured() {
    return String.format(Locale.ROOT, """
        ## How it is measured

        - **start-up**: from launching the JVM to the first `200` on `%s`, over %d launches.
        - **warm-up**: load in one-second slices until the server's JIT compiler threads take less than %.0f%% of its \
        CPU for %d seconds running (at least %d s, at most %d s); the JIT share of the measured phase is in the \
        decomposition table. A fresh JVM spends a fifth or more of its CPU compiling in its first ten seconds: \
        measured too early, that counts as the cost of a request.
        - **throughput and latency**: a closed loop of %d keep-alive connections on loopback for %d s, as fast as the \
        server answers; latency in an HdrHistogram. The load generator runs in the bench's JVM on the same cores, the \
        same for every setup: throughput is a ceiling, and falls with the CPU a request costs.
        - **latency at a fixed rate**: then %d s at a fixed rate on a schedule, latency counted from when each request \
        was due. The rate is %s, on the same route (that run also warms up the load generator); the column's header \
        gives it.
        - **CPU µs/req**: the server process's user and system time (`/proc`) over the measured phase, over the \
        requests answered in it. **Added CPU** is the same minus baseline's, round by round.
        - **allocated, GC, threads**: read from the server's JVM through the JDK's attach API and its JMX agent, as \
        upstream's benchmark reads them with JFR: bytes allocated by all threads (`ThreadMXBean`), the garbage \
        collections' pauses (`jdk.GarbageCollection` in a Flight Recorder recording of the phase), and peak live \
        threads (reset at the phase's start).
        - **peak RSS**: the server process's `VmHWM`.
        - **spans / requests**: SERVER spans that reached the receiver against requests answered, warm-up included.
        - Every setup that exports over OTLP sends to a receiver in the bench that counts the spans and keeps \
        nothing, so the exporter costs all of them alike and little. The console rows write to a pipe that the bench \
        reads and drops.
        - **automatic-lean** is the agent with `%s`: it starts faster, but it turns off the agent's HTTP-client, JDBC \
        and executor instrumentations, which are what justify the agent in a real service, and it stops the JIT at \
        its first tier, which changes the code every request runs.
        - Absolute figures depend on the machine and on whatever else runs on it; ratios within a run much less. The \
        ranges say how much they moved.

        Run it yourself with `make bench` (this run took %d minutes); `make bench BENCH_ARGS="--rounds 5 \
        --duration 10"` runs longer, `BENCH_ARGS="--routes /search?q=oak+chair"` loads one route, and `make profile \
        MODE=programmatic` profiles one mode.
        """, serverRequest.path(), report.options.launches(), 100 * Bench.JIT_SETTLED, Bench.QUIET_SLICES,
        Bench.MIN_WARMUP.toSeconds(), report.options.warmup().toSeconds(), report.options.concurrency(),
        report.options.duration().toSeconds(), report.options.pacedDuration().toSeconds(),
        report.fixedRate(), String.join(" ", Variant.LEAN_FLAGS),
        Math.max(1, Math.round(report.elapsed.toSeconds() / 60.0)));
  }

  /** "beyond the noise" or "within the noise", for a ratio's spread. */
  static String noise(Spread ratio) {
    return ratio.ratio() + ", " + (ratio.excludes(1.0) ? "beyond the noise" : "within the noise");
  }

  private static String verdict(SetupResult result, SetupResult shared, ToDoubleFunction<Run> figure) {
    Spread ratio = result.ratio(figure, shared);
    if (!ratio.isKnown()) {
      return "n/a";
    }
    return ratio.ratio() + (ratio.excludes(1.0) ? (ratio.median() > 1 ? ", higher beyond the noise"
        : ", lower beyond the noise") : ", within the noise");
  }

  private static String percentDrop(Spread ratio) {
    if (!ratio.isKnown()) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.0f%% (%.0f–%.0f%%)", 100 * (1 - ratio.median()), 100 * (1 - ratio.max()),
        100 * (1 - ratio.min()));
  }
}
