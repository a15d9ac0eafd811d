package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.example.autoinstrumentation.tooling.compare.Compare;
import io.opentelemetry.example.autoinstrumentation.tooling.compare.ModeTable;
import io.opentelemetry.example.autoinstrumentation.tooling.docsgenerator.Docs;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** make compare, as CI runs it: every mode through every scenario, and no row DIFFERENT; its report in a browser. */
class CompareIT {

  /** The background of compare.html's section headings, which the screenshot is cut at. */
  static final int HEADING = 0x24292f;

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

  @Test
  void theHtmlReportRendersEveryScenarioInChromium(@TempDir Path work) throws Exception {
    Path html = reports.resolve("compare.html");
    Map<String, List<String>> fields = new LinkedHashMap<>(); // per section, its rows' fields, as compare.json has them
    new ObjectMapper().readTree(Files.readString(reports.resolve("compare.json"))).get("rows").forEach(row ->
        fields.computeIfAbsent(row.get("section").asText(), section -> new ArrayList<>()).add(row.get("field").asText()));

    String dom = Chromium.dom(html, work);
    List<String> barColours = new ArrayList<>();
    Set<String> scenariosDrawn = new HashSet<>();
    fields.forEach((section, rows) -> {
      String part = section(dom, section);
      assertThat(part.split("<tr class=", -1)).as("rows of %s", section).hasSize(rows.size() + 1);
      rows.forEach(field -> assertThat(part).as("row %s of %s", field, section).contains("<td>" + escape(field) + "</td>"));
      // a scenario's traces stand above its first section: a trace of many spans has a section per span (SCENARIO/SPAN)
      boolean firstOfScenario = scenariosDrawn.add(section.split("/")[0]);
      if (section.matches("[A-Z_]+(/[A-Z_]+)?") && firstOfScenario) { // a scenario's, not a metric's or the logs
        assertThat(part.split("<figure>", -1)).as("a trace per mode in %s", section).hasSize(4);
        Matcher bar = Pattern.compile("<rect class=\"measured\"[^>]* fill=\"#([0-9a-f]{6})\"").matcher(part);
        assertThat(bar.find()).as("a span's bar in %s", section).isTrue();
        barColours.add(bar.group(1));
      } else {
        barColours.add(null);
      }
    });

    BufferedImage page = Chromium.screenshot(html, 1280, 0.5, work);
    List<int[]> drawn = sections(page);
    assertThat(drawn).as("sections drawn").hasSize(fields.size());
    List<String> names = List.copyOf(fields.keySet());
    for (int i = 0; i < drawn.size(); i++) {
      int from = drawn.get(i)[0];
      int to = drawn.get(i)[1];
      assertThat(Chromium.blankRows(page, from, to)).as("%s is blank", names.get(i)).isFalse();
      if (barColours.get(i) != null) {
        assertThat(contains(page, from, to, Integer.parseInt(barColours.get(i), 16)))
            .as("%s shows its first span's bar, #%s", names.get(i), barColours.get(i)).isTrue();
      }
    }
  }

  private static String section(String dom, String id) {
    int start = dom.indexOf("<section id=\"" + id + "\">");
    assertThat(start).as("section %s in the DOM", id).isNotNegative();
    return dom.substring(start, dom.indexOf("</section>", start));
  }

  /** Each section's rows of pixels: from under its heading to the next heading, or to the end. */
  private static List<int[]> sections(BufferedImage page) {
    List<int[]> sections = new ArrayList<>();
    int right = page.getWidth() - 3;
    boolean inHeading = false;
    for (int y = 0; y < page.getHeight(); y++) {
      boolean heading = (page.getRGB(2, y) & 0xffffff) == HEADING && (page.getRGB(right, y) & 0xffffff) == HEADING;
      if (heading && !inHeading && !sections.isEmpty()) {
        sections.get(sections.size() - 1)[1] = y; // a heading ends the section above it
      } else if (!heading && inHeading) {
        sections.add(new int[] {y, page.getHeight()});
      }
      inHeading = heading;
    }
    return sections;
  }

  private static boolean contains(BufferedImage page, int from, int to, int colour) {
    for (int y = from; y < to; y++) {
      for (int x = 0; x < page.getWidth(); x++) {
        if ((page.getRGB(x, y) & 0xffffff) == colour) {
          return true;
        }
      }
    }
    return false;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
