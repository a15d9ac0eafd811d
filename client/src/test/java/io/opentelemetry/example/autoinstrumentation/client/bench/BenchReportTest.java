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
    assertThat(report.cells().get(1)[8]).isEqualTo("880 / 900 (20 dropped)");
    assertThat(report.cells().get(0)[8]).isEqualTo("none exported");
    assertThat(report.csv()).startsWith("variant,startup_s,").contains("\nautomatic,3.000,900.0,");
    assertThat(report.svg()).startsWith("<svg").contains(">automatic<").endsWith("</svg>\n");
    assertThat(report.table()).contains("Machine: test machine");
  }

  private static VariantResult result(Variant variant, double startupSeconds, long requests, long expected, long exported) {
    VariantResult result = new VariantResult(variant);
    result.startups.add(Duration.ofMillis((long) (startupSeconds * 1000)));
    result.requests = requests;
    result.measuredNanos = Duration.ofSeconds(1).toNanos();
    result.latencyMicros.recordValue(1000);
    result.spansExpected = expected;
    result.spansExported = exported;
    return result;
  }
}
