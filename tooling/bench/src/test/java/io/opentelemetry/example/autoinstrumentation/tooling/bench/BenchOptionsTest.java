package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void defaultsCoverWhatTheDocsShow() {
    BenchOptions options = BenchOptions.parse();

    assertThat(options.variants()).containsExactly(Variant.values());
    assertThat(options.routes()).containsExactly(Route.SERVER_REQUEST, Route.SEARCH);
    assertThat(options.exporters()).containsExactly(Exporter.values());
    assertThat(options.batchSettings()).containsExactly(BatchSettings.values());
    assertThat(options.rounds()).as("a spread needs three rounds at least").isGreaterThanOrEqualTo(3);
    assertThat(options.coversTheDocs()).isTrue();
    assertThat(options.writeDocs()).isFalse();
  }

  @Test
  void defaultsPlanEachModeWithEveryExporterOnTheFirstRouteOnly() {
    List<Setup> plan = Bench.plan(BenchOptions.parse());

    // first route: baseline, 3 modes x 3 exporters, the lean agent, manual with each of 3 other batch settings; second: 5 variants
    assertThat(plan).hasSize(1 + 9 + 1 + 3 + 5);
    assertThat(plan).filteredOn(setup -> setup.route().equals(Route.SEARCH))
        .allMatch(setup -> setup.equals(Bench.mainSetup(setup.variant(), Route.SEARCH)));
    assertThat(plan).filteredOn(Bench::takesFixedRate).hasSize(5 + 3 + 5);
    // the whole run, warm-ups at their longest: a bound that a change of the defaults must not blow by accident
    long seconds = (long) plan.size() * BenchOptions.parse().rounds() * (30 + 5 + 5 + 5);
    assertThat(Duration.ofSeconds(seconds)).isLessThan(Duration.ofMinutes(45));
  }

  @Test
  void knobsAreParsed() {
    BenchOptions options = BenchOptions.parse("--variants", "baseline,automatic-lean", "--rounds", "3",
        "--duration", "30", "--warmup", "0", "--concurrency", "4", "--launches", "5", "--max-requests", "100",
        "--routes", "/search?q=lamp", "--exporters", "otlp,none", "--batch-settings", "batch-2048", "--profile", "0",
        "--docs");

    assertThat(options.variants()).containsExactly(Variant.BASELINE, Variant.AUTOMATIC_LEAN);
    assertThat(options.rounds()).isEqualTo(3);
    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.warmup()).isZero();
    assertThat(options.concurrency()).isEqualTo(4);
    assertThat(options.launches()).isEqualTo(5);
    assertThat(options.maxRequests()).isEqualTo(100);
    assertThat(options.routes()).containsExactly(new Route("/search?q=lamp"));
    assertThat(options.routes().get(0).spanName()).isEqualTo("GET /search");
    assertThat(options.exporters()).containsExactly(Exporter.OTLP, Exporter.NONE);
    assertThat(options.batchSettings()).containsExactly(BatchSettings.SHARED, BatchSettings.LARGE_BATCH);
    assertThat(options.profile()).isZero();
    assertThat(options.writeDocs()).isTrue();
    assertThat(options.coversTheDocs()).isFalse();
    assertThat(BenchOptions.parse("--batch-settings", "none").batchSettings()).containsExactly(BatchSettings.SHARED);
  }

  @Test
  void badKnobsSayWhatIsWrongInOneLine() {
    assertThatThrownBy(() -> BenchOptions.parse("--rounds", "many")).hasMessage("--rounds takes a whole number from 1 to 20, got 'many'");
    assertThatThrownBy(() -> BenchOptions.parse("--duration", "100000")).hasMessageStartingWith("--duration takes a whole number");
    assertThatThrownBy(() -> BenchOptions.parse("--variants", "turbo")).hasMessage("unknown variant 'turbo'");
    assertThatThrownBy(() -> BenchOptions.parse("--exporters", "zipkin")).hasMessage("unknown exporter 'zipkin'; known: none, otlp, logging-otlp");
    assertThatThrownBy(() -> BenchOptions.parse("--exporters", "none")).hasMessageStartingWith("--exporters must include otlp");
    assertThatThrownBy(() -> BenchOptions.parse("--routes", "server_request")).hasMessageStartingWith("a route is a path and query");
    assertThatThrownBy(() -> BenchOptions.parse("--batch-settings", "big")).hasMessageStartingWith("unknown batch settings 'big'");
    assertThatThrownBy(() -> BenchOptions.parse("--fast")).hasMessageStartingWith("--fast needs a value");
    assertThatThrownBy(() -> BenchOptions.parse("--fast", "1")).hasMessageStartingWith("unknown option '--fast'");
  }
}
