package io.opentelemetry.example.autoinstrumentation.client.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void defaultsRunEveryVariantWithinMinutes() {
    BenchOptions options = BenchOptions.parse();

    assertThat(options.variants()).containsExactly(Variant.values());
    // every round runs each variant once, plus one run that warms the load generator up: the load phases alone must
    // leave a minute of the 5-minute budget for starting and stopping servers
    long loadSeconds = (long) (options.rounds() + 1) * options.variants().size()
        * (options.warmup().toSeconds() + options.duration().toSeconds())
        + (long) options.rounds() * options.variants().size() * options.pacedDuration().toSeconds();
    assertThat(loadSeconds).isLessThan(240);
    assertThat(options.writeDocs()).isFalse();
  }

  @Test
  void knobsAreParsed() {
    BenchOptions options = BenchOptions.parse("--variants", "baseline,automatic-lean", "--rounds", "3",
        "--duration", "30", "--warmup", "0", "--concurrency", "4", "--launches", "5", "--max-requests", "100", "--docs");

    assertThat(options.variants()).containsExactly(Variant.BASELINE, Variant.AUTOMATIC_LEAN);
    assertThat(options.rounds()).isEqualTo(3);
    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.warmup()).isZero();
    assertThat(options.concurrency()).isEqualTo(4);
    assertThat(options.launches()).isEqualTo(5);
    assertThat(options.maxRequests()).isEqualTo(100);
    assertThat(options.writeDocs()).isTrue();
  }

  @Test
  void badKnobsSayWhatIsWrongInOneLine() {
    assertThatThrownBy(() -> BenchOptions.parse("--rounds", "many")).hasMessage("--rounds takes a whole number from 1 to 20, got 'many'");
    assertThatThrownBy(() -> BenchOptions.parse("--duration", "100000")).hasMessageStartingWith("--duration takes a whole number");
    assertThatThrownBy(() -> BenchOptions.parse("--variants", "turbo")).hasMessage("unknown variant 'turbo'");
    assertThatThrownBy(() -> BenchOptions.parse("--fast")).hasMessageStartingWith("--fast needs a value");
    assertThatThrownBy(() -> BenchOptions.parse("--fast", "1")).hasMessageStartingWith("unknown option '--fast'");
  }

  @Test
  void nullCollectorCountsSpanNamesInAnExport() {
    byte[] body = "\n\u0013GET /server_request\u0010\u0002...\n\u0013GET /server_request".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThat(NullCollector.count(body)).isEqualTo(2);
    assertThat(NullCollector.count(new byte[0])).isZero();
  }
}
