package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {

  static final Settings FULL = BenchOptions.parse("--full", "--profile", "0").settings("a JDK 25");

  @Test
  void figuresCarryTheirSpreadAndTheirRatioToBaselineRoundByRound() {
    SetupResult baseline = result(Variant.BASELINE, Exporter.NONE, Route.SERVER_REQUEST, new double[] {20, 25, 22}, 3.0);
    SetupResult manual = result(Variant.MANUAL, Exporter.OTLP, Route.SERVER_REQUEST, new double[] {26, 30, 33}, 5.0);

    assertThat(BenchReport.figure(manual, Run::cpuMicrosPerRequest, "%.1f", baseline))
        .containsExactly("30.0 (26.0–33.0)", "1.30× (1.20–1.50)");
    assertThat(BenchReport.figure(baseline, Run::cpuMicrosPerRequest, "%.1f", baseline)).containsExactly("22.0 (20.0–25.0)");
    assertThat(manual.ratio(Run::cpuMicrosPerRequest, baseline).excludes(1.0)).isTrue();
    assertThat(BenchReport.signed(manual.difference(Run::cpuMicrosPerRequest, baseline), "%.1f"))
        .isEqualTo("+6.0 (+5.0–+11.0)");
    assertThat(BenchReport.share(manual.ratio(Run::cpuMicrosPerRequest, baseline))).isEqualTo("+30 (+20–+50) %");
    assertThat(BenchReport.spans(manual)).isEqualTo("2997 / 3000 (3 dropped)");
    assertThat(BenchReport.spans(baseline)).isEqualTo("none exported");
  }

  @Test
  void oneRoundShowsNoRangeAndAnUnknownFigureSaysSo() {
    assertThat(Spread.of(List.of(2.0)).format("%.1f")).isEqualTo("2.0");
    assertThat(Spread.of(List.of(Double.NaN)).format("%.1f")).isEqualTo("n/a");
    assertThat(Spread.of(List.of(0.9, 1.1, 1.0)).excludes(1.0)).isFalse();
  }

  @Test
  void theDataSurvivesItsJsonAndThePageIsWrittenFromIt(@TempDir Path docs) throws Exception {
    BenchData data = fullRun();
    data.write(docs.resolve(PerformanceDoc.DATA));
    BenchData read = BenchData.read(docs.resolve(PerformanceDoc.DATA));

    assertThat(read.results()).isEqualTo(data.results());
    assertThat(read.spring()).isEqualTo(data.spring());
    assertThat(read.settings()).isEqualTo(data.settings());
    assertThat(read.results().get(0).runs().get(0).gcPauseMicrosPerRequest()).as("a figure not taken").isNaN();
    assertThat(Files.readString(docs.resolve(PerformanceDoc.DATA))).contains("\"gcPauseMicrosPerRequest\" : null")
        .doesNotContain("NaN");
    // what the README's cells read
    // the agent's CPU on /search over baseline's, round by round: 24 × 1.2 / 20, 25 × 1.2 / 21, 26 × 1.2 / 22
    assertThat(read.summary().get("automatic").routes().get("/search").cpuRatio().median()).isEqualTo(25 * 1.2 / 21);
    assertThat(read.summary().get("automatic-lean").comparedWith()).isEqualTo("automatic");
    assertThat(read.summary().get("automatic").startupRatio().median()).isEqualTo(5.0);

    PerformanceDoc.write(docs);
    String page = Files.readString(docs.resolve("performance.md"));
    assertThat(page).contains("## What a request costs", "## Start-up, and the recipes that cut it",
        "## Against upstream's published figures", "## Where each mode's cost goes",
        "## The batch span processor's settings", "on test machine",
        "- **programmatic**: the instrumentation alone adds +2.0 (+2.0–+2.0) µs of CPU a request (1.10× (1.09–1.10),"
            + " beyond the noise)",
        "| automatic-lean | 1.00 (1.00–1.00)<br>2.00× (2.00–2.00) |",
        "It starts in 1.00 (1.00–1.00) s; over the agent's, 0.40× (0.40–0.40), beyond the noise. Once running, on"
            + " `/search`, over the agent's: CPU a request 0.83× (0.83–0.83), beyond the noise;",
        "| start-up, the agent over no agent | 1.13×: 10.75 s → 12.17 s (night to night 0.66–1.40×) | 5.00× (5.00–5.00):"
            + " 0.50 s → 2.50 s |");
    assertThat(page).contains("## The Spring Boot service's start-up", "launched with the command line of its make"
            + " target", "3 times, the variants taking turns",
        "| spring-agent | 5.50 (5.00–6.00)<br>2.50× (2.50–2.50) | 8.00 (7.50–8.50)<br>2.50× (2.50–2.50) |",
        "- **OpenTelemetry's starter**, over the service without telemetry: start-up 1.20× (1.20–1.20), beyond the"
            + " noise; CPU 1.20× (1.20–1.20), beyond the noise. Over the agent's: start-up 0.48× (0.48–0.48), beyond"
            + " the noise;");
    assertThat(page).doesNotContain("NaN", "Not measured in the run this page shows");
  }

  /** The data of a run from before the bench launched Spring Boot, as docs/performance.json may still hold it. */
  @Test
  void dataWithoutTheSpringBootServiceIsReadAndThePageSaysSo(@TempDir Path docs) throws Exception {
    fullRun().write(docs.resolve(PerformanceDoc.DATA));
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(docs.resolve(PerformanceDoc.DATA).toFile());
    json.remove("spring");
    ((ObjectNode) json.get("settings")).remove("spring");
    Files.writeString(docs.resolve(PerformanceDoc.DATA), json.toPrettyString());

    BenchData read = BenchData.read(docs.resolve(PerformanceDoc.DATA));
    assertThat(read.spring()).isEmpty();
    assertThat(read.settings().spring()).isEmpty();
    PerformanceDoc.write(docs);
    assertThat(Files.readString(docs.resolve("performance.md")))
        .contains("a shorter run than `make bench FULL=1`", "the Spring Boot service not launched",
            "## The Spring Boot service's start-up\n\nNot measured in the run this page shows: `make bench FULL=1`")
        .doesNotContain("spring-agent |");
  }

  @Test
  void tablesComeFromTheRunsOwnFigures() {
    BenchReport report = new BenchReport(fullRun());

    Table decomposition = report.decompositionTable();
    assertThat(decomposition.rows).hasSize(1 + 9);
    assertThat(decomposition.markdown()).contains("| manual | none | 23.0 (22.0–24.0)<br>1.10× (1.09–1.10) | +2.0 (+2.0–+2.0) |");
    assertThat(report.mainTable(Route.SERVER_REQUEST).console()).contains("2997 / 3000 (3 dropped)");
    assertThat(report.startupTable().rows).as("every variant, once").hasSize(10);
    assertThat(report.springTable().console()).contains("spring-baseline    2.20 (2.00–2.40)");
    assertThat(report.csv().lines()).hasSize(1 + report.data.results().size() * 3).first().asString()
        .startsWith("route,variant,exporter");
  }

  /** A full run's results, every figure made up: three rounds of every planned setup. */
  static BenchData fullRun() {
    List<SetupResult> results = new ArrayList<>();
    for (Setup setup : Bench.plan(FULL)) {
      Variant variant = setup.variant();
      double cpu = variant.isBaseline() ? 20 : setup.exporter() == Exporter.NONE ? 22
          : setup.exporter() == Exporter.CONSOLE ? 50 : variant == Variant.AUTOMATIC_LEAN_C1 ? 36 : 24;
      double[] cpus = {cpu, cpu + 1, cpu + 2};
      results.add(result(variant, setup.exporter(), setup.route(), cpus, setup.batch(), variant.isBaseline() ? 3 : 5.5,
          variant == Variant.AUTOMATIC || variant == Variant.AUTOMATIC_JDK25 ? 2.5
              : variant == Variant.AUTOMATIC_LEAN ? 1.0 : variant.aot ? 0.3 : 0.5));
    }
    return BenchData.of("2026-12-01", "test machine", "a JDK 17", 40, FULL, results, springStartups(), List.of());
  }

  /** Every Spring Boot variant launched three times, every figure made up: the agent 2.5 times the baseline's. */
  static List<SpringResult> springStartups() {
    List<SpringResult> results = new ArrayList<>();
    for (Spring variant : FULL.spring()) {
      double times = switch (variant) {
        case BASELINE -> 1;
        case AGENT -> 2.5;
        case STARTER -> 1.2;
        case MICROMETER -> 1.5;
      };
      results.add(new SpringResult(variant, List.of(new SpringResult.Startup(2.0 * times, 3.0 * times),
          new SpringResult.Startup(2.2 * times, 3.2 * times), new SpringResult.Startup(2.4 * times, 3.4 * times))));
    }
    return results;
  }

  static SetupResult result(Variant variant, Exporter exporter, Route route, double[] cpuMicros, double allocatedKib) {
    return result(variant, exporter, route, cpuMicros, BatchSettings.SHARED, allocatedKib, 0.5);
  }

  static SetupResult result(Variant variant, Exporter exporter, Route route, double[] cpuMicros, BatchSettings batch,
      double allocatedKib, double startup) {
    Setup setup = new Setup(variant, exporter, batch, route);
    List<Run> runs = new ArrayList<>();
    for (double cpu : cpuMicros) {
      boolean counts = setup.countsSpans();
      double scaled = variant.isBaseline() ? cpu : cpu * (variant == Variant.AUTOMATIC && route == Route.SEARCH ? 1.2 : 1);
      runs.add(new Run(startup, 10, 1000, 0, 1000, 1, 2, 3, 500, 1, 1, 1.5, 2, scaled, 0.01, allocatedKib,
          Double.NaN, 1, 1, 40, 300, counts ? 1000 : 0, counts ? 999 : 0));
    }
    return new SetupResult(setup, runs);
  }
}
