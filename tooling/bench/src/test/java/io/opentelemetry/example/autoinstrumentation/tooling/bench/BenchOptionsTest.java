package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

class BenchOptionsTest {

  static final String JDK25 = "a JDK 25";

  @Test
  void theQuickRunMeasuresEveryVariantOnTheRepresentativeRouteOnceWithBaselineTwice() {
    Settings quick = BenchOptions.parse().settings(JDK25);

    assertThat(quick.full()).isFalse();
    assertThat(quick.variants()).containsExactly(Variant.values()).endsWith(Variant.BASELINE_AGAIN);
    assertThat(quick.routes()).containsExactly(Route.SEARCH);
    assertThat(quick.exporters()).containsExactly(Exporter.OTLP);
    assertThat(quick.batchSettings()).containsExactly(BatchSettings.SHARED);
    assertThat(quick.rounds()).isEqualTo(1);
    assertThat(quick.profileSeconds()).isZero();
    assertThat(quick.spring()).as("each launched once").containsExactly(Spring.values());
    assertThat(quick.coversTheDocs()).isFalse();
    // the launches at their longest, start-up and stop at 8 s, the load's own warm-up and two trainings of 20 s, and
    // the Spring Boot launches at 8 s on average (the agent's near 10 s on a busy machine, the others 3 to 6 s): under
    // 5 min (make bench took 3 min 16 s on a busy two-core machine)
    long seconds = Bench.plan(quick).size() * (8L + quick.warmupSeconds() + quick.durationSeconds()
        + quick.pacedDurationSeconds()) + Bench.LOAD_WARMUP.toSeconds() + 2 * 20
        + quick.spring().size() * quick.rounds() * 8L;
    assertThat(Duration.ofSeconds(seconds)).isLessThan(Duration.ofMinutes(5));
  }

  @Test
  void theFullRunMeasuresWhatTheDocsShow() {
    Settings full = BenchOptions.parse("--full").settings(JDK25);

    assertThat(full.variants()).containsExactlyElementsOf(BenchOptions.FULL_VARIANTS).doesNotContain(Variant.BASELINE_AGAIN);
    assertThat(full.routes()).containsExactly(Route.SERVER_REQUEST, Route.SEARCH);
    assertThat(full.exporters()).containsExactly(Exporter.values());
    assertThat(full.batchSettings()).containsExactly(BatchSettings.values());
    assertThat(full.rounds()).as("a spread needs three rounds at least").isGreaterThanOrEqualTo(3);
    assertThat(full.spring()).containsExactly(Spring.values());
    assertThat(full.coversTheDocs()).isTrue();
    assertThat(BenchOptions.parse("--full").settings(null).coversTheDocs()).as("without JDK 25's rows").isFalse();
    assertThat(BenchOptions.parse("--full", "--spring", "none").settings(JDK25).coversTheDocs())
        .as("without the Spring Boot service").isFalse();
  }

  @Test
  void theFullRunPlansEachModeWithEveryExporterOnTheFirstRouteAndTheRecipesOnTheLast() {
    Settings full = BenchOptions.parse("--full").settings(JDK25);
    List<Setup> plan = Bench.plan(full);

    // first route: baseline, 3 modes x 3 exporters, manual with each of 3 other batch settings; second: 10 variants
    assertThat(plan).hasSize(1 + 9 + 3 + 10);
    assertThat(plan).filteredOn(setup -> setup.route().equals(Route.SEARCH)).allMatch(Setup::isMain);
    assertThat(plan).filteredOn(setup -> setup.variant().isRecipe()).allMatch(setup -> setup.route().equals(Route.SEARCH));
    assertThat(plan).filteredOn(Setup::takesFixedRate).hasSize(4 + 3 + 10);
    // the whole run, warm-ups at their longest, start-up and stop at 6 s, profiles and the Spring Boot launches
    // included: an hour and a minute at worst, the warm-ups rarely running to their longest
    long launch = 6 + full.warmupSeconds() + full.durationSeconds() + full.pacedDurationSeconds();
    long seconds = plan.size() * full.rounds() * launch + 3L * full.rounds() * (6 + full.warmupSeconds()
        + full.profileSeconds()) + full.spring().size() * full.rounds() * 6L;
    assertThat(Duration.ofSeconds(seconds)).isLessThan(Duration.ofMinutes(62));
  }

  @Test
  void withoutAJdk25TheJdk25VariantsAreLeftOut() {
    assertThat(BenchOptions.parse().settings(null).variants()).noneMatch(variant -> variant.jdk25);
  }

  @Test
  void knobsAreParsed() {
    BenchOptions options = BenchOptions.parse("--variants", "baseline,automatic-lean", "--rounds", "3",
        "--duration", "30", "--warmup", "0", "--concurrency", "4", "--max-requests", "100",
        "--routes", "/search?q=lamp", "--exporters", "otlp,none", "--batch-settings", "batch-2048", "--profile", "0",
        "--docs");
    Settings settings = options.settings(JDK25);

    assertThat(settings.variants()).containsExactly(Variant.BASELINE, Variant.AUTOMATIC_LEAN);
    assertThat(settings.spring()).as("every Spring Boot variant unless --spring says otherwise")
        .containsExactly(Spring.values());
    assertThat(BenchOptions.parse("--spring", "spring-agent, spring-baseline,spring-agent").settings(JDK25).spring())
        .containsExactly(Spring.AGENT, Spring.BASELINE);
    assertThat(BenchOptions.parse("--spring", "none").settings(JDK25).spring()).isEmpty();
    assertThat(settings.rounds()).isEqualTo(3);
    assertThat(settings.duration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.warmup()).isZero();
    assertThat(settings.concurrency()).isEqualTo(4);
    assertThat(settings.maxRequests()).isEqualTo(100);
    assertThat(settings.routes()).containsExactly(new Route("/search?q=lamp"));
    assertThat(settings.routes().get(0).spanName()).isEqualTo("GET /search");
    assertThat(settings.exporters()).containsExactly(Exporter.OTLP, Exporter.NONE);
    assertThat(settings.batchSettings()).containsExactly(BatchSettings.SHARED, BatchSettings.LARGE_BATCH);
    assertThat(settings.profile()).isZero();
    assertThat(options.writeDocs).isTrue();
    assertThat(settings.coversTheDocs()).isFalse();
    assertThat(BenchOptions.parse("--full", "--batch-settings", "none").settings(JDK25).batchSettings())
        .containsExactly(BatchSettings.SHARED);
  }

  @Test
  void badKnobsSayWhatIsWrongInOneLine() {
    assertThatThrownBy(() -> BenchOptions.parse("--rounds", "many")).isInstanceOf(ParameterException.class)
        .hasMessage("Invalid value for option '--rounds': 'many' is not an int");
    assertThatThrownBy(() -> BenchOptions.parse("--rounds", "50").settings(JDK25))
        .hasMessage("--rounds takes a whole number from 1 to 20, got 50");
    assertThatThrownBy(() -> BenchOptions.parse("--variants", "turbo"))
        .hasMessageStartingWith("Invalid value for option '--variants' (VARIANT): unknown variant 'turbo'; known:"
            + " baseline, manual, programmatic, automatic,");
    assertThatThrownBy(() -> BenchOptions.parse("--exporters", "zipkin")).hasMessageEndingWith(
        "unknown exporter 'zipkin'; known: none, otlp, logging-otlp");
    assertThatThrownBy(() -> BenchOptions.parse("--exporters", "none").settings(JDK25))
        .hasMessageStartingWith("--exporters must include otlp");
    assertThatThrownBy(() -> BenchOptions.parse("--routes", "server_request")).hasMessageContaining("a route is a path and query");
    assertThatThrownBy(() -> BenchOptions.parse("--batch-settings", "big").settings(JDK25))
        .hasMessageContaining("unknown batch settings 'big'; known: shared, sdk-queue, sdk-delay, batch-2048");
    assertThatThrownBy(() -> BenchOptions.parse("--spring", "agent").settings(JDK25)).hasMessage("Invalid value for"
        + " option '--spring' (VARIANT): unknown Spring Boot variant 'agent'; known: spring-baseline, spring-agent,"
        + " spring-starter, spring-micrometer");
    assertThatThrownBy(() -> BenchOptions.parse("--fast")).hasMessage("Unknown option: '--fast'");
    assertThatThrownBy(() -> BenchOptions.parse("--rounds")).hasMessageStartingWith("Missing required parameter");
  }
}
