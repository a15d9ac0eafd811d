package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.compare.Compare;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compare.html as a reader sees it, in headless Chromium: every section drawn, none blank, and each scenario's first
 * section showing the colour of its first span's bar. Tagged {@code browser}: {@code make test-browser} runs it, on a
 * machine with Debian's {@code chromium}; what a DOM can show, {@code CompareIT} checks in {@code make test}.
 */
@Tag("browser")
class CompareReportInChromiumIT {

  /** The background of compare.html's section headings, which the screenshot is cut at. */
  static final int HEADING = 0x24292f;

  @Test
  void theHtmlReportRendersEveryScenarioInChromium(@TempDir Path reports, @TempDir Path work) throws Exception {
    Compare.run(reports);
    Path html = reports.resolve("compare.html");
    Document dom = Jsoup.parse(html.toFile());
    Map<String, List<String>> fields = CompareReport.fieldsBySection(reports);
    List<String> drawnWithTraces = CompareReport.firstSectionOfEachScenario(fields.keySet());

    BufferedImage page = Chromium.screenshot(html, 1280, 0.5, work);
    List<int[]> drawn = sections(page);
    assertThat(drawn).as("sections drawn").hasSize(fields.size());
    List<String> names = List.copyOf(fields.keySet());
    for (int i = 0; i < drawn.size(); i++) {
      int from = drawn.get(i)[0];
      int to = drawn.get(i)[1];
      String section = names.get(i);
      assertThat(Chromium.blankRows(page, from, to)).as("%s is blank", section).isFalse();
      if (drawnWithTraces.contains(section)) {
        String colour = dom.getElementById(section).selectFirst("rect.measured[fill]").attr("fill").substring(1);
        assertThat(contains(page, from, to, Integer.parseInt(colour, 16)))
            .as("%s shows its first span's bar, #%s", section, colour).isTrue();
      }
    }
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
}
