package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import io.opentelemetry.example.autoinstrumentation.tooling.compare.Row.Verdict;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Server;
import java.util.LinkedHashMap;
import java.util.Map;

/** Rows of a comparison as the tests of its verdicts write them. */
final class TestRows {

  /** The verdict on a row with {@code values}, one per server of {@code lineup}, in its order. */
  static Verdict verdict(Lineup lineup, String section, String field, String... values) {
    Map<Server, String> row = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      row.put(lineup.servers().get(i), values[i]);
    }
    return Comparison.row(lineup, section, field, row).verdict();
  }

  private TestRows() {}
}
