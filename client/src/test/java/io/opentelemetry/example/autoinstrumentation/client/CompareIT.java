package io.opentelemetry.example.autoinstrumentation.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.example.autoinstrumentation.client.compare.Compare;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** make compare, as CI runs it: every mode through every scenario, and no row DIFFERENT. */
class CompareIT {

  @Test
  void everyRowIsTheSameOrAnExpectedDifference(@TempDir Path reports) throws Exception {
    int exitCode = Compare.run(reports);

    JsonNode report = new ObjectMapper().readTree(Files.readString(reports.resolve("compare.json")));
    assertThat(report.get("rows")).filteredOn(row -> row.get("verdict").asText().equals("DIFFERENT")).isEmpty();
    assertThat(report.get("rows")).filteredOn(row -> row.get("verdict").asText().equals("same")).isNotEmpty();
    assertThat(exitCode).isZero();
    assertThat(Files.readString(reports.resolve("compare.md"))).contains("| `http.route` |");
  }
}
