package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class BenchReportTest {

  static final BenchOptions OPTIONS = BenchOptions.parse("--rounds", "3", "--profile", "0");

  @Test
  void figuresCarryTheirSpreadAndTheirRatioToBaselineRoundByRound() {
    SetupResult baseline = result(Variant.BASELINE, Exporter.NONE, new double[] {20, 25, 22}, 3.0);
    SetupResult manual = result(Variant.MANUAL, Exporter.OTLP, new double[] {26, 30, 33}, 5.0);

    assertThat(BenchReport.figure(manual, Run::cpuMicrosPerRequest, "%.1f", baseline))
        .containsExactly("30.0 (26.0–33.0)", "1.30× (1.20–1.50)");
    assertThat(BenchReport.figure(baseline, Run::cpuMicrosPerRequest, "%.1f", baseline)).containsExactly("22.0 (20.0–25.0)");
    assertThat(manual.ratio(Run::cpuMicrosPerRequest, baseline).excludes(1.0)).isTrue();
    assertThat(BenchReport.signed(manual.difference(Run::cpuMicrosPerRequest, baseline), "%.1f"))
        .isEqualTo("+6.0 (+5.0–+11.0)");
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
  void tablesAndDocsComeFromTheRunsOwnFigures() {
    List<SetupResult> results = new ArrayList<>();
    results.add(result(Variant.BASELINE, Exporter.NONE, new double[] {20, 21, 22}, 3.0));
    for (Variant variant : List.of(Variant.MANUAL, Variant.PROGRAMMATIC, Variant.AUTOMATIC)) {
      results.add(result(variant, Exporter.NONE, new double[] {22, 23, 24}, 5.5));
      results.add(result(variant, Exporter.OTLP, new double[] {30, 31, 32}, 5.75));
      results.add(result(variant, Exporter.CONSOLE, new double[] {50, 52, 54}, 14));
    }
    results.add(result(Variant.AUTOMATIC_LEAN, Exporter.OTLP, new double[] {35, 36, 37}, 6));
    BenchReport report = new BenchReport(results, List.of(), OPTIONS, "test machine", Duration.ofMinutes(1));

    Table decomposition = report.decompositionTable();
    assertThat(decomposition.rows).hasSize(1 + 9);
    assertThat(decomposition.markdown()).contains("| manual | none | 23.0 (22.0–24.0)<br>1.10× (1.09–1.10) | +2.0 (+2.0–+2.0) |");
    assertThat(report.mainTable(Route.SERVER_REQUEST).console()).contains("automatic-lean").contains("2997 / 3000 (3 dropped)");
    assertThat(report.csv().lines()).hasSize(1 + results.size() * 3).first().asString().startsWith("route,variant,exporter");

    String docs = new PerformanceDoc(report).text();
    assertThat(docs).contains("## Where each mode's cost goes", "on test machine",
        "- **programmatic**: the instrumentation alone adds +2.0 (+2.0–+2.0) µs of CPU a request (1.10× (1.09–1.10),"
            + " beyond the noise)",
        "With instrumentation alone (`none`), the library's CPU per request over the manual span's, round by round, is"
            + " 1.00× (1.00–1.00), within the noise");
  }

  static SetupResult result(Variant variant, Exporter exporter, double[] cpuMicros, double allocatedKib) {
    SetupResult result = new SetupResult(new Setup(variant, exporter, BatchSettings.SHARED, Route.SERVER_REQUEST));
    result.startups.add(Duration.ofMillis(500));
    result.pacedRate = 500;
    for (double cpu : cpuMicros) {
      long requests = 1000;
      Histogram latency = new Histogram(60_000_000L, 3);
      latency.recordValue(1000);
      boolean counts = result.setup.countsSpans();
      result.runs.add(new Run(requests, 0, Duration.ofSeconds(1), latency, (long) (cpu * 1000 * requests), 0,
          new JvmProbe.Stats((long) (allocatedKib * 1024 * requests), 1_000_000, 1_000_000, 1, 40), 300L << 20,
          latency, counts ? 1000 : 0, counts ? 999 : 0, Duration.ofSeconds(10)));
    }
    return result;
  }
}
