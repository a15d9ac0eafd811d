package io.opentelemetry.example.autoinstrumentation.client.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {

  @Test
  void figuresCarryTheirRatioToBaseline() {
    VariantResult baseline = result(Variant.BASELINE, 1.0, 1000, 0, 0);
    VariantResult automatic = result(Variant.AUTOMATIC, 3.0, 900, 900, 880);

    BenchReport report = new BenchReport(List.of(baseline, automatic), BenchOptions.parse(), "test machine");

    assertThat(report.cells().get(1)[0]).isEqualTo("automatic");
    assertThat(report.cells().get(1)[1]).isEqualTo("3.00 (3.00×)");
    assertThat(report.cells().get(1)[2]).isEqualTo("900 (0.90×)");
    assertThat(report.cells().get(1)[10]).isEqualTo("880 / 900 (20 dropped)");
    assertThat(report.cells().get(0)[10]).isEqualTo("none exported");
    assertThat(report.headers()[7]).isEqualTo("p99 ms at 500/s");
    assertThat(report.csv()).startsWith("variant,startup_s,").contains("\nautomatic,3.000,900.0,");
    assertThat(report.svg()).startsWith("<svg").contains(">automatic<").endsWith("</svg>\n");
    assertThat(report.table()).contains("Machine: test machine");
  }

  @Test
  void readingQuotesTheRunsOwnFigures() {
    List<VariantResult> results = List.of(
        result(Variant.BASELINE, 0.25, 1000, 0, 0),
        result(Variant.MANUAL, 0.5, 800, 800, 800),
        result(Variant.PROGRAMMATIC, 0.5, 750, 750, 750),
        result(Variant.AUTOMATIC, 3.0, 700, 700, 700),
        result(Variant.AUTOMATIC_LEAN, 1.2, 600, 600, 600));

    String reading = new BenchReport(results, BenchOptions.parse(), "test machine").reading();

    assertThat(reading)
        .contains("start 0.25 s and 0.25 s after baseline")
        .contains("The agent starts in 3.0 s")
        .contains("cuts that to 1.2 s, 40% of the default agent's")
        .contains("manual keeps 80% of baseline throughput, programmatic 75%, the agent 70%, the lean agent 60%");
  }

  private static VariantResult result(Variant variant, double startupSeconds, long requests, long expected, long exported) {
    VariantResult result = new VariantResult(variant);
    result.startups.add(Duration.ofMillis((long) (startupSeconds * 1000)));
    result.requests = requests;
    result.measuredNanos = Duration.ofSeconds(1).toNanos();
    result.latencyMicros.recordValue(1000);
    result.pacedLatencyMicros.recordValue(500);
    result.pacedRate = 500;
    result.spansExpected = expected;
    result.spansExported = exported;
    return result;
  }
}
