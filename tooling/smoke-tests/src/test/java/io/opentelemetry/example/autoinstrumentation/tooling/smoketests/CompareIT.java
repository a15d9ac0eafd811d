package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.example.autoinstrumentation.tooling.compare.Compare;
import io.opentelemetry.example.autoinstrumentation.tooling.compare.ModeTable;
import io.opentelemetry.example.autoinstrumentation.tooling.docsgenerator.Docs;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** make compare, as CI runs it: every mode through every scenario, and no row DIFFERENT; its reports. */
class CompareIT {

  @TempDir
  static Path reports;
  static int exitCode;

  @BeforeAll
  static void runTheComparisonOnce() {
    exitCode = Compare.run(reports);
  }

  @Test
  void everyRowIsTheSameOrAnExpectedDifference() throws Exception {
    JsonNode report = new ObjectMapper().readTree(Files.readString(reports.resolve("compare.json")));
    assertThat(report.get("rows")).filteredOn(row -> row.get("verdict").asText().equals("DIFFERENT")).isEmpty();
    assertThat(report.get("rows")).filteredOn(row -> row.get("verdict").asText().equals("same")).isNotEmpty();
    assertThat(exitCode).isZero();
    assertThat(Files.readString(reports.resolve("compare.md"))).contains("| `http.route` |");
  }

  /** The request metric and the log lines, checked in every mode, from the same requests as the spans. */
  @Test
  void requestMetricsRuntimeMetricsAndLogLinesAreComparedInEveryMode() throws Exception {
    JsonNode rows = new ObjectMapper().readTree(Files.readString(reports.resolve("compare.json"))).get("rows");

    assertThat(rows).filteredOn(row -> row.get("section").asText().equals("http.server.request.duration")
        && row.get("field").asText().equals("recordings")).singleElement().satisfies(row -> {
          assertThat(row.get("values").get("automatic").asText()).isEqualTo("14 for 14 requests");
          assertThat(row.get("values").get("programmatic").asText()).isEqualTo("14 for 14 requests");
          assertThat(row.get("values").get("manual").asText()).isEqualTo("(no metric)");
          assertThat(row.get("reason").asText()).contains("manual writes only its span");
        });
    assertThat(rows).filteredOn(row -> row.get("section").asText().equals("jvm")).isNotEmpty()
        .allSatisfy(row -> assertThat(row.get("values").get("automatic").asText()).isNotEqualTo("(absent)"));
    // six requests to /server_request, and the real handler's call to it: each logged with its SERVER span's ids
    assertThat(rows).filteredOn(row -> row.get("section").asText().equals("logs")).hasSize(7).allSatisfy(row -> {
      assertThat(row.get("verdict").asText()).isEqualTo("same");
      assertThat(row.get("values").get("automatic").asText()).startsWith("its SERVER span's trace and span ids");
    });
  }

  /** DocsIT leaves the table to this test, which has just run the comparison: running it twice costs half a minute. */
  @Test
  void docsShowThisRunsTable() throws Exception {
    Path page = ProjectLayout.root().resolve("docs/comparison.md");
    String expected = Docs.fill(Files.readString(page), "compare-table", Files.readString(reports.resolve("compare.md")));

    assertThat(Files.readString(page)).as("docs/comparison.md is stale: run make docs").isEqualTo(expected);
  }

  /**
   * The README's table of what each mode gives: every cell is written from its evidence (this run's compare.json,
   * docs/performance.md, the sources), so a cell edited by hand, or behaviour that changed, no longer matches.
   */
  @Test
  void theTableOfWhatEachModeGivesSaysWhatThisRunShows() throws Exception {
    Path root = ProjectLayout.root();
    Path page = Docs.pageShowing(root, ModeTable.OUTPUT);
    String table = ModeTable.markdown(root, page, reports.resolve("compare.json"));
    String expected = Docs.fill(Files.readString(page), ModeTable.OUTPUT, table);

    assertThat(Files.readString(page)).as("%s is stale: run make docs", root.relativize(page)).isEqualTo(expected);
    assertThat(table.lines()).as("a row per question, a link in every cell").hasSize(13)
        .allSatisfy(line -> assertThat(line.split("\\|")).hasSize(5).satisfies(cells -> {
          if (!line.startsWith("| |") && !line.startsWith("| ---")) {
            for (int cell = 2; cell < 5; cell++) {
              assertThat(cells[cell]).as("a cell of %s", cells[1]).contains("](");
            }
          }
        }));
  }

  /**
   * compare.html has a section per section of compare.json, each with a row per row of its, and above each scenario's
   * first section a trace per mode with its spans' bars: the page has no scripts, so the file is its DOM.
   */
  @Test
  void theHtmlReportHasEverySectionRowAndTrace() throws Exception {
    Document page = Jsoup.parse(reports.resolve("compare.html").toFile());
    Map<String, List<String>> fields = CompareReport.fieldsBySection(reports);

    fields.forEach((section, rows) -> {
      Element part = page.getElementById(section);
      assertThat(part).as("section %s", section).isNotNull();
      assertThat(part.select("tr[class]").eachText()).as("rows of %s", section).hasSize(rows.size());
      assertThat(part.select("td").eachText()).as("fields of %s", section).containsAll(rows);
    });
    CompareReport.firstSectionOfEachScenario(fields.keySet()).forEach(section -> {
      Element part = page.getElementById(section);
      assertThat(part.select("figure")).as("a trace per mode in %s", section).hasSize(3);
      assertThat(part.select("rect.measured[fill]")).as("the spans' bars in %s", section).isNotEmpty();
    });
  }

}
