package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * docs/performance.md, written from docs/performance.json, the data of the last full run: the tables, and a reading
 * that quotes the run's own figures and says which differences are beyond its noise. Nothing is read back from a
 * page.
 */
final class PerformanceDoc {

  /** The full run's data, beside the page written from it. */
  static final String DATA = "performance.json";

  private final BenchData data;
  private final BenchReport report;
  private final Route serverRequest;

  PerformanceDoc(BenchData data) {
    this.data = data;
    this.report = new BenchReport(data);
    this.serverRequest = data.settings().routes().stream()
        .filter(route -> route.path().equals(Route.SERVER_REQUEST.path())).findFirst()
        .orElse(data.settings().firstRoute());
  }

  /** Writes performance.md and its chart from the data in {@code docs}. */
  static void write(Path docs) throws IOException {
    BenchData data = BenchData.read(docs.resolve(DATA));
    Files.writeString(docs.resolve("performance.md"), new PerformanceDoc(data).text());
    Files.writeString(docs.resolve("performance.svg"), new BenchReport(data).svg());
  }

  String text() {
    return intro() + cost() + startup() + spring() + upstream() + routes() + new WhereItGoes(data).text()
        + measured();
  }

  private String intro() {
    int rounds = data.settings().rounds();
    String spread = rounds < 2
        ? "Each figure is one launch's, the run having one round: none has a range, and no difference is called"
            + " beyond the noise or within it; under it, the same figure over its baseline's in the same round, as a"
            + " ratio. Every round launches"
        : String.format(Locale.ROOT, "Each figure is the median of %d rounds with its range over the rounds, min–max,"
            + " in parentheses; under it, the same figure over its baseline's in the same round, as a ratio with its"
            + " range. A difference is called **beyond the noise** below when the range of its ratio excludes 1.00,"
            + " that is when every round agrees on its direction; otherwise it is within the noise of this run. With"
            + " no difference at all, %d rounds agree by chance one time in %d: read a single verdict with that in"
            + " mind, and run more rounds before acting on a small one. Every round launches", rounds, rounds,
            1 << (rounds - 1));
    return String.format(Locale.ROOT, """
        # Performance: what each mode costs, and where it goes

        Measured by %s on %s, on %s, %s%s. [%s](%s) holds every launch's figures; this page and the README's cost \
        cells are written from it. Every setup is measured against the same server with no telemetry at all \
        (**baseline**; on JDK 25, **baseline-jdk25**; the Spring Boot service's, **spring-baseline**), in the same \
        run. %s each setup anew, times it to its first \
        answer, warms it up until its JIT compiler has settled, then measures it; setups take turns, so that a \
        change in the machine's load falls on all of them alike.

        """, measuredBy(), data.date(), data.machine(), data.jdk(),
        data.settings().jdk25() == null ? "" : " (the JDK 25 rows: " + data.settings().jdk25() + ")", DATA, DATA,
        spread);
  }

  /** The run this page shows: the full run as {@code make bench FULL=1} makes it, or how it was shorter. */
  private String measuredBy() {
    Settings settings = data.settings();
    Settings full = BenchOptions.parse("--full").settings(settings.jdk25());
    if (settings.equals(full)) {
      return "`make bench FULL=1`";
    }
    String spring = settings.spring().equals(full.spring()) ? ""
        : settings.spring().isEmpty() ? ", the Spring Boot service not launched"
        : ", of the Spring Boot service's variants only " + settings.spring().stream().map(Spring::label)
            .collect(Collectors.joining(", "));
    return String.format(Locale.ROOT, "a shorter run than `make bench FULL=1`, which this page is meant to show (%d"
            + " round(s) against %d, warm-ups of at most %d s against %d, phases of %d s and %d s against %d s and %d"
            + " s, profiles of %d s against %d%s)", settings.rounds(), full.rounds(), settings.warmupSeconds(),
        full.warmupSeconds(), settings.durationSeconds(), settings.pacedDurationSeconds(), full.durationSeconds(),
        full.pacedDurationSeconds(), settings.profileSeconds(), full.profileSeconds(), spring);
  }

  private String cost() {
    List<Route> routes = report.routesRealisticFirst();
    if (routes.size() < 2) {
      return "";
    }
    Route search = routes.get(0);
    return String.format(Locale.ROOT, """
        ## What a request costs

        On two routes: `%s`, a representative handler, which ranks an in-memory catalogue and answers a small JSON \
        document (baseline spends %s µs of CPU on a request there), and `%s`, the Python example's, which prints its \
        parameter and answers a word (%s µs). What each variant adds to a request's CPU, export over OTLP included, \
        round by round over its baseline's; the README quotes the first route's, where a request does real work, and \
        the second's beside it.

        %s
        """, search.path(), baselineCpu(search), serverRequest.path(), baselineCpu(serverRequest),
        report.costTable().markdown());
  }

  private String baselineCpu(Route route) {
    SetupResult baseline = data.main(Variant.BASELINE, route);
    return baseline == null ? "n/a" : baseline.spread(Run::cpuMicrosPerRequest).format("%.0f");
  }

  private String startup() {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, """
        ## Start-up, and the recipes that cut it

        Start-up is the time from launching the JVM to the first `200` on `%s`, taken in every launch (a mode's on \
        both routes, %d launches; a recipe's on `%s`, %d). Beside it, what the variant costs once it runs, on `%s`: \
        the CPU a request, requests a second as fast as the server answers, and p99 latency at a fixed rate; each \
        over its baseline's (baseline-jdk25's for the JDK 25 rows). A recipe that starts faster but serves slower is \
        no saving for a service that runs for days.

        %s
        ![start-up, and requests a second over the baseline's, per variant](performance.svg)

        """, Launch.STARTED.path(), data.settings().rounds() * data.settings().routes().size(),
        report.recipeRoute().path(), data.settings().rounds(), report.recipeRoute().path(),
        report.startupTable().markdown()));
    Route route = report.recipeRoute();
    out.append(String.format(Locale.ROOT, "- **The agent as it comes** (`automatic`) starts in %s s; over baseline's,"
        + " %s.%n",
        data.startupSeconds(Variant.AUTOMATIC).format("%.2f"),
        noise(data.startupRatio(Variant.AUTOMATIC, Variant.BASELINE))));
    out.append(String.format(Locale.ROOT, """
        - **Only the instrumentations this application uses** (`automatic-lean`): `%s`, and `%s` for %s, the modules \
        the agent applies here besides those that feed log export, which the shared defaults leave off \
        (`java-util-logging`, `logback-appender`). It starts in %s s; over the agent's, %s. Once running, %s. It keeps the \
        real handler's whole trace, which `BenchSmokeIT` checks under this recipe. To find your own application's \
        list, run it once with `-Dotel.javaagent.debug=true`: the agent logs `Applying instrumentation: NAME` for \
        each module it applies.
        """, Recipes.ONLY_WHAT_THE_APP_USES.get(0), "-Dotel.instrumentation.NAME.enabled=true", leanNames(),
        data.startupSeconds(Variant.AUTOMATIC_LEAN).format("%.2f"),
        noise(data.startupRatio(Variant.AUTOMATIC_LEAN, Variant.AUTOMATIC)),
        steadyState(Variant.AUTOMATIC_LEAN, Variant.AUTOMATIC, route, "the agent's")));
    out.append(String.format(Locale.ROOT, """
        - **The JIT's first tier only** (`automatic-lean-c1`: the same, and `%s`), a trade-off for a process that \
        lives for seconds, such as a command-line tool or a short batch job: it starts in %s s; over \
        `automatic-lean`'s, %s. From then on every request runs first-tier code: %s. A service pays that for as long \
        as it runs.
        """, Recipes.C1_ONLY, data.startupSeconds(Variant.AUTOMATIC_LEAN_C1).format("%.2f"),
        noise(data.startupRatio(Variant.AUTOMATIC_LEAN_C1, Variant.AUTOMATIC_LEAN)),
        steadyState(Variant.AUTOMATIC_LEAN_C1, Variant.AUTOMATIC_LEAN, route, "`automatic-lean`'s")));
    if (data.variants().contains(Variant.BASELINE_JDK25_AOT)) {
      out.append(String.format(Locale.ROOT, """
          - **JDK 25's AOT cache** (JEPs 483 and 514): a training run with `-XX:AOTCacheOutput=app.aot` writes, as \
          the JVM exits, the classes it loaded and linked and its methods' profiles; every later run starts from \
          them with `-XX:AOTCache=app.aot` (here with `-XX:AOTMode=on` too, so that a cache the JVM cannot use stops \
          the run rather than go unnoticed). The training run here loads each route for %d s. The server without \
          telemetry starts in %s s instead of %s s; %s. Once running, %s.
          """, AotTraining.PER_ROUTE.toSeconds(), data.startupSeconds(Variant.BASELINE_JDK25_AOT).format("%.2f"),
          data.startupSeconds(Variant.BASELINE_JDK25).format("%.2f"),
          noise(data.startupRatio(Variant.BASELINE_JDK25_AOT, Variant.BASELINE_JDK25)),
          steadyState(Variant.BASELINE_JDK25_AOT, Variant.BASELINE_JDK25, route, "the same JVM's without a cache")));
    }
    if (data.variants().contains(Variant.AUTOMATIC_JDK25_AOT)) {
      out.append(String.format(Locale.ROOT, """
          - **The agent with an AOT cache**, upstream's recipe ([#19999](%s)): the agent's jar on the boot class path \
          (`-Xbootclasspath/a:opentelemetry-javaagent.jar`) and `%s` in the training run and in every run after it, \
          the agent itself (`-javaagent`) only in the runs after it, so that no class it transforms goes into the \
          cache. It starts in %s s instead of %s s (`automatic-jdk25`, the same flags without a cache); %s. Once \
          running, %s. The cache holds what the training run loaded without the agent: the agent still loads its \
          own classes from its jar (some 3,700 at 2.31.1, counted with `-Xlog:class+load`) and transforms the \
          application's as they load. Agent 2.31.1 also appends its jar to the boot class path again as it starts; \
          upstream's [#20001](%s), merged after 2.31.1, skips that when the jar is there already, which its \
          description says keeps the cache's linked classes valid, and upstream's own measurement below ran with it.
          """, Upstream.AOT, Launcher.ADD_INSTRUMENT,
          data.startupSeconds(Variant.AUTOMATIC_JDK25_AOT).format("%.2f"),
          data.startupSeconds(Variant.AUTOMATIC_JDK25).format("%.2f"),
          noise(data.startupRatio(Variant.AUTOMATIC_JDK25_AOT, Variant.AUTOMATIC_JDK25)),
          steadyState(Variant.AUTOMATIC_JDK25_AOT, Variant.AUTOMATIC_JDK25, route, "the same JVM's without a cache"),
          Upstream.AOT_AGENT_FIX));
    }
    return out.append('\n').toString();
  }

  /** The Spring Boot service's start-up. The section is there when the run did not launch it too: pages link to it. */
  private String spring() {
    String title = "## The Spring Boot service's start-up\n\n";
    if (data.spring().isEmpty()) {
      return title + "Not measured in the run this page shows: `make bench FULL=1` launches the [Spring Boot"
          + " service](spring-boot.md) under the agent, with OpenTelemetry's starter and with Spring Boot's own"
          + " support, against the same service without telemetry, and writes this section again.\n\n";
    }
    int launches = data.spring().get(0).launches().size();
    StringBuilder out = new StringBuilder(title).append(String.format(Locale.ROOT, """
        The [Spring Boot service](spring-boot.md) under the agent (`spring-agent`), with OpenTelemetry's Spring Boot \
        starter (`spring-starter`) and with Spring Boot's own support (`spring-micrometer`), against the same service \
        without telemetry (`spring-baseline`: server-spring's jar, no agent). Each is launched with the command \
        line of its make target (`make run-spring-agent`, `make run-spring-starter`, `make run-spring-micrometer`): \
        the JVM's default options, and spans on the console, which the bench reads and drops; %s, the variants \
        taking turns. Start-up only, with no load phase: what a request costs is measured on the Spark server above, \
        and what each variant emits is [compared](spring-boot.md#the-table) field by field.

        **Start-up** is the time from launching the JVM to the first `200` on `%s`, as for the Spark server; **CPU** \
        is the CPU time the JVM had used by then, all its threads (the JDK's `ProcessHandle.Info`). Other work on the \
        machine stretches a launch's wall time far more than its CPU time, which counts the work the launch itself \
        does: CPU is the figure to compare across machines. Under each figure, its ratio to `spring-baseline`'s, \
        launch by launch.

        %s
        """, launches == 1 ? "once" : launches == 2 ? "twice" : launches + " times", Launch.STARTED.path(),
        report.springTable().markdown()));
    if (data.spring(Spring.AGENT) != null) {
      out.append(String.format(Locale.ROOT, "- **Under the agent**, over the service without telemetry: %s. The"
          + " agent transforms the classes it instruments as they load, and Spring Boot loads many; its [lean"
          + " recipe](#start-up-and-the-recipes-that-cut-it) is not measured on this service.%n",
          springOver(Spring.AGENT, Spring.BASELINE)));
    }
    if (data.spring(Spring.STARTER) != null) {
      out.append(String.format(Locale.ROOT, "- **OpenTelemetry's starter**, over the service without telemetry: %s."
          + " Over the agent's: %s. [opentelemetry.io](%s) names the agent's start-up overhead as one reason to"
          + " choose the starter: these ratios to the agent's are what that choice changes on this service.%n", springOver(Spring.STARTER, Spring.BASELINE),
          springOver(Spring.STARTER, Spring.AGENT), Upstream.SPRING_BOOT_ADVICE));
    }
    if (data.spring(Spring.MICROMETER) != null) {
      out.append(String.format(Locale.ROOT, "- **Spring Boot's own support**, over the service without telemetry:"
          + " %s.%n", springOver(Spring.MICROMETER, Spring.BASELINE)));
    }
    return out.append('\n').toString();
  }

  /** A Spring Boot variant's start-up and CPU over another's, launch by launch, in words. */
  private String springOver(Spring variant, Spring other) {
    SpringResult result = data.spring(variant);
    SpringResult reference = data.spring(other);
    if (result == null || reference == null) {
      return "n/a, `" + other.label + "` not launched";
    }
    return "start-up " + noise(result.ratio(SpringResult.Startup::seconds, reference)) + "; CPU "
        + noise(result.ratio(SpringResult.Startup::cpuSeconds, reference));
  }

  /** The lean recipe's instrumentation names, from its flags. */
  private static String leanNames() {
    List<String> names = Recipes.ONLY_WHAT_THE_APP_USES.stream().skip(1)
        .map(flag -> "`" + flag.replace("-Dotel.instrumentation.", "").replace(".enabled=true", "") + "`").toList();
    return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }

  /** A recipe's steady state on {@code route} over what it is the alternative to, round by round, in words. */
  private String steadyState(Variant variant, Variant other, Route route, String whose) {
    SetupResult result = data.main(variant, route);
    SetupResult reference = data.main(other, route);
    if (result == null || reference == null) {
      return "no steady state was measured";
    }
    return String.format(Locale.ROOT, "on `%s`, over %s: CPU a request %s; requests a second %s; p99 at the fixed"
            + " rate %s", route.path(), whose, noise(result.ratio(Run::cpuMicrosPerRequest, reference)),
        noise(result.ratio(Run::throughput, reference)), noise(result.ratio(Run::pacedP99Millis, reference)));
  }

  private String upstream() {
    Route search = report.routesRealisticFirst().get(0);
    SetupResult agent = data.main(Variant.AUTOMATIC, search);
    SetupResult baseline = data.main(Variant.BASELINE, search);
    if (agent == null || baseline == null) {
      return "";
    }
    return String.format(Locale.ROOT, """
        ## Against upstream's published figures

        Upstream measures the agent's cost too: nightly with [`benchmark-overhead`](%s) ([its results](%s); the \
        figures below are the medians of %s, the latest release over no agent), and once for JDK 25's AOT cache \
        ([#19999](%s), the benchmark of [#20003](%s)).

        | | upstream | here |
        | --- | --- | --- |
        | start-up, the agent over no agent | %.2f×: %.2f s → %.2f s (night to night %s×) | %s: %s s → %s s |
        | mean latency, the agent over no agent | %s (%.2f ms → %.2f ms) | %s at the fixed rate on `%s` |
        | p95 latency, the agent over no agent | %s (%.2f ms → %.2f ms) | %s at the fixed rate on `%s` |
        | JDK 25, an AOT cache, no agent | %s: %.3f s → %.3f s | %s: %s s → %s s |
        | JDK 25, an AOT cache, the agent | %s: %.3f s → %.3f s | %s: %s s → %s s |

        What differs in what is measured:

        - **The application.** Upstream's overhead benchmark runs spring-petclinic-rest on PostgreSQL, which takes \
        about 11 s to start; the agent's seconds are a small share of that. The Spark server here answers in under a \
        second without the agent, so the same kind of seconds are several times its start-up: compare the seconds \
        the agent adds (upstream %.1f s, here %s s), not the ratios. Its AOT benchmark runs a small Spring Boot \
        application and takes the JVM's uptime when Spring reports it started; here, the time to the first answer.
        - **The load.** Upstream: k6 with 5 virtual users through a REST scenario of reads and writes over JPA, \
        5,000 iterations after 60 s of warm-up, in containers, latency at the caller. Here: one route at a fixed \
        rate, half of what baseline sustains, on loopback, the load generator sharing the server's cores.
        - **The agent.** Upstream's nightly run takes each release as published; its AOT benchmark ran an agent built \
        with [#20001](%s), which release 2.31.1, measured here, predates (see the recipes above). Both of its agent \
        runs had the jar on the boot class path too, as here.
        - **Exporting.** Upstream's overhead benchmark exports over OTLP to a collector in a container; its AOT \
        benchmark exports nothing. Here every variant exports over OTLP/HTTP to the bench's receiver, which counts \
        the spans and keeps nothing.

        """, Upstream.OVERHEAD, Upstream.OVERHEAD_RESULTS, Upstream.OVERHEAD_NIGHTS, Upstream.AOT,
        Upstream.AOT_BENCHMARK,
        Upstream.STARTUP_AGENT_S / Upstream.STARTUP_NONE_S, Upstream.STARTUP_NONE_S, Upstream.STARTUP_AGENT_S,
        Upstream.STARTUP_NIGHTLY_RANGE, data.startupRatio(Variant.AUTOMATIC, Variant.BASELINE).ratio(),
        median(data.startupSeconds(Variant.BASELINE)), median(data.startupSeconds(Variant.AUTOMATIC)),
        percentChange(Upstream.MEAN_AGENT_MS / Upstream.MEAN_NONE_MS), Upstream.MEAN_NONE_MS, Upstream.MEAN_AGENT_MS,
        BenchReport.share(agent.ratio(Run::pacedMeanMillis, baseline)), search.path(),
        percentChange(Upstream.P95_AGENT_MS / Upstream.P95_NONE_MS), Upstream.P95_NONE_MS, Upstream.P95_AGENT_MS,
        BenchReport.share(agent.ratio(Run::pacedP95Millis, baseline)), search.path(),
        percentChange(Upstream.AOT_NONE_CACHED_S / Upstream.AOT_NONE_S), Upstream.AOT_NONE_S, Upstream.AOT_NONE_CACHED_S,
        BenchReport.share(data.startupRatio(Variant.BASELINE_JDK25_AOT, Variant.BASELINE_JDK25)),
        median(data.startupSeconds(Variant.BASELINE_JDK25)), median(data.startupSeconds(Variant.BASELINE_JDK25_AOT)),
        percentChange(Upstream.AOT_AGENT_CACHED_S / Upstream.AOT_AGENT_S), Upstream.AOT_AGENT_S,
        Upstream.AOT_AGENT_CACHED_S,
        BenchReport.share(data.startupRatio(Variant.AUTOMATIC_JDK25_AOT, Variant.AUTOMATIC_JDK25)),
        median(data.startupSeconds(Variant.AUTOMATIC_JDK25)), median(data.startupSeconds(Variant.AUTOMATIC_JDK25_AOT)),
        Upstream.STARTUP_AGENT_S - Upstream.STARTUP_NONE_S,
        BenchReport.signed(data.startupDifference(Variant.AUTOMATIC, Variant.BASELINE), "%.1f"), Upstream.AOT_AGENT_FIX);
  }

  private static String median(Spread seconds) {
    return seconds.isKnown() ? String.format(Locale.ROOT, "%.2f", seconds.median()) : "n/a";
  }

  private static String percentChange(double ratio) {
    return String.format(Locale.ROOT, "%+.0f %%", 100 * (ratio - 1));
  }

  private String routes() {
    StringBuilder out = new StringBuilder();
    for (Route route : data.settings().routes()) {
      String title = route.path().equals(Route.SERVER_REQUEST.path()) ? "The Python example's route"
          : "A representative route";
      out.append(String.format(Locale.ROOT, "## %s, `%s`%n%n`GET %s`, every variant exporting its spans over OTLP."
          + "%n%n%s%n", title, route.path(), route, report.mainTable(route).markdown()));
      out.append(reading(route));
    }
    return out.toString();
  }

  /** A route's main table in words: each mode's figure over baseline's, and whether it is beyond the noise. */
  private String reading(Route route) {
    if (data.main(Variant.BASELINE, route) == null) {
      return "";
    }
    return String.format(Locale.ROOT, """
        Reading it, each mode's figure over baseline's:

        - **CPU per request**, with everything a request costs, export included: %s.
        - **Throughput** as fast as the server answers, where the load generator shares the cores and CPU shows in \
        full: %s.
        - **p99 at the fixed rate**, what a client sees at a load the server can carry: %s; p50: %s.
        - **Peak RSS**: %s.

        """, ratios(route, Run::cpuMicrosPerRequest), ratios(route, Run::throughput),
        ratios(route, Run::pacedP99Millis), ratios(route, Run::pacedP50Millis), ratios(route, Run::peakRssMib));
  }

  private String ratios(Route route, ToDoubleFunction<Run> figure) {
    SetupResult baseline = data.main(Variant.BASELINE, route);
    return data.variants().stream().filter(Variant::isMode).map(variant -> data.main(variant, route))
        .filter(result -> result != null)
        .map(result -> result.setup().variant().label + " " + noise(result.ratio(figure, baseline)))
        .collect(Collectors.joining("; "));
  }

  private String measured() {
    Settings settings = data.settings();
    List<String> recipes = new ArrayList<>();
    for (Variant variant : data.variants()) {
      if (!variant.recipe().isEmpty()) {
        recipes.add("`" + variant.label + "`: `" + String.join(" ", variant.recipe()) + "`");
      }
    }
    return String.format(Locale.ROOT, """
        ## How it is measured

        - **start-up**: from launching the JVM to the first `200` on `%s`, in every launch, whichever route it then \
        loads.
        - **warm-up**: load in one-second slices until the JIT compiler has spent less than %.0f%% of the server's \
        CPU time on compiling (the JVM's own count, `CompilationMXBean`) for %d seconds running (at least %d s, at \
        most %d s); the measured phase's compiling time over its CPU time is in the decomposition table. A fresh JVM spends a fifth or \
        more of its CPU compiling in its first ten seconds: measured too early, that counts as the cost of a request.
        - **throughput and latency**: a closed loop of %d keep-alive connections on loopback for %d s, as fast as the \
        server answers; latency in an HdrHistogram. The load generator runs in the bench's JVM on the same cores, the \
        same for every setup: throughput is a ceiling, and falls with the CPU a request costs.
        - **latency at a fixed rate**: then %d s at a fixed rate on a schedule, latency counted from when each request \
        was due. The rate is %s; the column's header gives it.
        - **CPU µs/req**: the server process's user and system time (the JDK's `ProcessHandle.Info`) over the \
        measured phase, over the requests answered in it. **Added CPU** is the same minus baseline's, round by round.
        - **allocated, GC, threads**: read from the server's JVM through the JDK's attach API and its JMX agent, as \
        upstream's benchmark reads them with JFR: bytes allocated by all threads (`ThreadMXBean`), the garbage \
        collections' pauses (`jdk.GarbageCollection` in a Flight Recorder recording of the phase), and peak live \
        threads (reset at the phase's start).
        - **peak RSS**: the server process's `VmHWM`.
        - **spans / requests**: SERVER spans that reached the receiver against requests answered, warm-up included.
        - **the Spring Boot service**: each variant launched once a round, the variants taking turns, timed to its \
        first answer with its CPU time by then, and stopped: no warm-up and no load.
        - Every setup that exports over OTLP sends to a receiver in the bench (the harness's `OtlpReceiver`, \
        counting) that reads each span's name and keeps nothing, so the exporter costs all of them alike and little. \
        The console rows write to a pipe that the bench reads and drops.
        - **the recipes' JVM options**, besides the agent's own: %s. The AOT variants' caches come from one training \
        run each before the rounds, on every route for %d s.
        - Absolute figures depend on the machine and on whatever else runs on it; ratios within a run much less. The \
        ranges say how much they moved.

        Run it yourself: `make bench` is a quick run, %s, which writes its data and tables to `target/bench/` and \
        leaves this page alone; `make bench FULL=1` measures what this page shows and writes it again (this run took \
        %d minutes), and `make docs` then writes the README's cost cells from its data. `make bench BENCH_ARGS="--routes /server_request?param=bench"` loads another route, \
        `BENCH_ARGS="--rounds 5"` runs longer, and `make profile MODE=programmatic` profiles one mode.
        """, Launch.STARTED.path(), 100 * Launch.JIT_SETTLED, Launch.QUIET_SLICES, Launch.MIN_WARMUP.toSeconds(),
        settings.warmupSeconds(), settings.concurrency(), settings.durationSeconds(),
        settings.pacedDurationSeconds(), report.fixedRate(), String.join("; ", recipes),
        AotTraining.PER_ROUTE.toSeconds(), QUICK_RUN, data.minutes());
  }

  /** What the quick run is, in words, for the page and the README. */
  static final String QUICK_RUN = "every variant on `/search`, one round of short phases with baseline measured"
      + " twice to show the noise, and each Spring Boot variant launched once, in under five minutes";

  /** "beyond the noise" or "within the noise", for a ratio's spread; of one round, the ratio alone. */
  static String noise(Spread ratio) {
    if (ratio.rounds() < 2) {
      return ratio.ratio();
    }
    return ratio.ratio() + ", " + (ratio.excludes(1.0) ? "beyond the noise" : "within the noise");
  }
}
