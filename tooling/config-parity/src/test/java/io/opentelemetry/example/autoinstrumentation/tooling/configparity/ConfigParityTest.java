package io.opentelemetry.example.autoinstrumentation.tooling.configparity;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigParityTest {

  private static final Row ROW = new Row(new Group("a group", Map.of(), run -> {}), "`OTEL_X=1`", "none", "any",
      run -> "unused", "exits within the timeout");

  /** make docs stops on such a row: its message must say which mode did what, not only which setting. */
  @Test
  void aRowThatActsOtherwiseNamesTheModeWhatItShowedAndWhatIsExpected() {
    ConfigParity.RowResult result = new ConfigParity.RowResult(ROW, Map.of(
        Mode.MANUAL, "exits within the timeout",
        Mode.AUTOMATIC, "exits 2.4 s later than an ordinary stop",
        Mode.PROGRAMMATIC, "exits within the timeout"));

    assertThat(result.asExpected()).isFalse();
    assertThat(result.firstDifference()).isEqualTo("`OTEL_X=1` in automatic: it showed \"exits 2.4 s later than an"
        + " ordinary stop\", the table expects \"exits within the timeout\"");
  }

  @Test
  void aRowAsExpectedHasNoDifference() {
    ConfigParity.RowResult result = new ConfigParity.RowResult(ROW, Map.of(
        Mode.MANUAL, "exits within the timeout",
        Mode.AUTOMATIC, "exits within the timeout",
        Mode.PROGRAMMATIC, "exits within the timeout"));

    assertThat(result.asExpected()).isTrue();
    assertThat(result.firstDifference()).isNull();
  }
}
