package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import io.opentelemetry.example.autoinstrumentation.tooling.bench.FlameGraph.Share;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The sections of docs/performance.md that take each mode's cost apart, on the Python example's route: by layer
 * (instrumentation, export, the console), by where the CPU goes (flame graphs), the library against the hand-written
 * span, and the batch span processor's settings.
 */
final class WhereItGoes {

  private final BenchData data;
  private final BenchReport report;
  private final Route serverRequest;

  WhereItGoes(BenchData data) {
    this.data = data;
    this.report = new BenchReport(data);
    this.serverRequest = data.settings().firstRoute();
  }

  String text() {
    return decomposition() + flameGraphs() + libraryAgainstManual() + batchSettings();
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
    SetupResult baseline = data.main(Variant.BASELINE, serverRequest);
    if (baseline == null) {
      return out.toString();
    }
    for (Variant variant : data.variants()) {
      if (!variant.isMode()) {
        continue;
      }
      SetupResult none = data.find(variant, Exporter.NONE, BatchSettings.SHARED, serverRequest);
      SetupResult otlp = data.find(variant, Exporter.OTLP, BatchSettings.SHARED, serverRequest);
      SetupResult console = data.find(variant, Exporter.CONSOLE, BatchSettings.SHARED, serverRequest);
      if (none == null || otlp == null || console == null) {
        continue;
      }
      out.append(String.format(Locale.ROOT, "- **%s**: the instrumentation alone adds %s µs of CPU a request (%s);"
              + " the batch processor and OTLP export %s µs more (%s), the console exporter %s µs more than"
              + " instrumentation alone (%s). Allocation: %s, %s and %s KiB a request over baseline's %s.\n",
          variant.label,
          BenchReport.signed(none.difference(Run::cpuMicrosPerRequest, baseline), "%.1f"),
          PerformanceDoc.noise(none.ratio(Run::cpuMicrosPerRequest, baseline)),
          BenchReport.signed(otlp.difference(Run::cpuMicrosPerRequest, none), "%.1f"),
          PerformanceDoc.noise(otlp.ratio(Run::cpuMicrosPerRequest, none)),
          BenchReport.signed(console.difference(Run::cpuMicrosPerRequest, none), "%.1f"),
          PerformanceDoc.noise(console.ratio(Run::cpuMicrosPerRequest, none)),
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
    if (data.profiles().isEmpty()) {
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

        """, serverRequest, data.profiles().get(0).engine(), data.settings().profileSeconds(),
        data.profiles().get(0).rounds().size()));
    out.append(report.profileTable().markdown()).append('\n');
    for (ProfileSummary profile : data.profiles()) {
      String name = profile.variant().label;
      out.append("### ").append(name).append("\n\n")
          .append("![").append(name).append(" flame graph](").append(profile.flameGraph()).append(")\n\n")
          .append(dominates(profile, serverRequest)).append("\n\n");
    }
    return out.toString();
  }

  /** What dominates a profile, in words, from its shares and its largest OpenTelemetry operations. */
  static String dominates(ProfileSummary profile, Route route) {
    List<String> request = new ArrayList<>();
    for (Map.Entry<String, Spread> operation : profile.topOperations(Share.REQUEST_PATH, 3)) {
      request.add("`" + operation.getKey() + "` " + BenchReport.percent(operation.getValue()));
    }
    List<String> background = new ArrayList<>();
    for (Map.Entry<String, Spread> operation : profile.topOperations(Share.BACKGROUND, 2)) {
      background.add("`" + operation.getKey() + "` " + BenchReport.percent(operation.getValue()));
    }
    boolean pythonExamplesRoute = route.path().equals(Route.SERVER_REQUEST.path());
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
    SetupResult manual = data.find(Variant.MANUAL, Exporter.NONE, BatchSettings.SHARED, serverRequest);
    SetupResult library = data.find(Variant.PROGRAMMATIC, Exporter.NONE, BatchSettings.SHARED, serverRequest);
    SetupResult baseline = data.main(Variant.BASELINE, serverRequest);
    if (manual == null || library == null || baseline == null) {
      return "";
    }
    ProfileSummary manualProfile = data.profile(Variant.MANUAL);
    ProfileSummary libraryProfile = data.profile(Variant.PROGRAMMATIC);
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

        - `HttpServerMetrics` recorded the request duration into the API's no-op histogram: metrics are off in the \
        shared defaults, so the SDK hands out a no-op meter, yet every request's attributes were merged to be \
        recorded nowhere. The library now adds the metric only when something reads it (the meter is not the no-op \
        one): 0.73 KiB a request less (6.98, 6.93–7.03, to 6.25, 6.24–6.25, over two launches), and \
        `Instrumenter.end` fell from 4.3%% (4.0–4.4%%) of the samples to 1.8%% (1.8–1.8%%).
        - The HTTP extractors ask the getter for about ten headers a request, most of them absent (`forwarded`, \
        `x-forwarded-for`, `x-forwarded-host`, ...), and the getter listed each into a new list. It now answers an \
        absent header with the empty list and a single one with a singleton: 0.49 KiB a request less (6.25 to 5.76, \
        5.71–5.80).
        - The protocol name and version are constants for HTTP/1.1 and 1.0, and the excluded-URL check does nothing \
        when no URL is excluded.

        Together, the library's allocation over baseline fell from 4.17 (4.14–4.18) to 2.83 (2.73–2.83) KiB a \
        request, against 2.58 (2.57–2.60) for the manual span, and OpenTelemetry on its request threads from 3.8 \
        (3.7–3.8) to 2.4 (2.3–2.5) µs a request, against 2.3 (2.1–2.3) for the manual span: within 10%% of the \
        hand-written span. With a metric reader configured the library also records `http.server.request.duration`, \
        which the manual span does not: that is the one cost it has beyond the manual span's.

        """,
        PerformanceDoc.noise(library.ratio(Run::cpuMicrosPerRequest, manual)),
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
    SetupResult shared = data.find(Variant.MANUAL, Exporter.OTLP, BatchSettings.SHARED, serverRequest);
    StringBuilder out = new StringBuilder("""
        ## The batch span processor's settings

        `common/src/main/resources/otel-defaults.properties` sets the batch span processor for every mode: a queue of \
        16,384 spans (the SDK's default: 2,048) and a delay of 500 ms (5 s); batches are the SDK's 512 spans. Here \
        the manual mode over OTLP with those settings, and with one of them changed; ratios are to the shared \
        settings, round by round.

        """);
    out.append(table.markdown()).append('\n');
    for (BatchSettings settings : data.settings().batchSettings()) {
      SetupResult result = data.find(Variant.MANUAL, Exporter.OTLP, settings, serverRequest);
      if (settings == BatchSettings.SHARED || result == null || shared == null) {
        continue;
      }
      out.append(String.format(Locale.ROOT, "- **%s**: CPU %s; p99 %s; p99 at the fixed rate %s; peak RSS %s; %s.\n",
          settings.description, verdict(result, shared, Run::cpuMicrosPerRequest),
          verdict(result, shared, Run::p99Millis), verdict(result, shared, Run::pacedP99Millis),
          verdict(result, shared, Run::peakRssMib), BenchReport.spans(result) + " spans"));
    }
    SetupResult queue = data.find(Variant.MANUAL, Exporter.OTLP, BatchSettings.SDK_QUEUE, serverRequest);
    SetupResult delay = data.find(Variant.MANUAL, Exporter.OTLP, BatchSettings.SDK_DELAY, serverRequest);
    SetupResult batch = data.find(Variant.MANUAL, Exporter.OTLP, BatchSettings.LARGE_BATCH, serverRequest);
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
        verdict(delay, shared, Run::p99Millis), verdict(batch, shared, Run::cpuMicrosPerRequest),
        verdict(batch, shared, Run::p99Millis))).toString();
  }

  /** "higher beyond the noise", "lower beyond the noise" or "within the noise", with the ratio. */
  static String verdict(SetupResult result, SetupResult shared, ToDoubleFunction<Run> figure) {
    Spread ratio = result.ratio(figure, shared);
    if (ratio.rounds() < 2) {
      return ratio.ratio();
    }
    return ratio.ratio() + (ratio.excludes(1.0) ? (ratio.median() > 1 ? ", higher beyond the noise"
        : ", lower beyond the noise") : ", within the noise");
  }
}
