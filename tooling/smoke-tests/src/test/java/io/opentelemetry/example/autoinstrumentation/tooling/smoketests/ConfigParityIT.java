package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.configparity.ConfigParity;
import io.opentelemetry.example.autoinstrumentation.tooling.configparity.ConfigParity.RowResult;
import io.opentelemetry.example.autoinstrumentation.tooling.docsgenerator.Docs;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One configuration, every mode: each row of the settings × modes table shows the same effect in all three modes, or
 * in the modes it names the effect it documents (a one-line refusal, or a difference with its reason), and
 * docs/configuration.md shows the table of this very run.
 */
class ConfigParityIT {

  static ConfigParity.Result table;

  @BeforeAll
  static void runTheTable() {
    table = ConfigParity.run();
    System.out.printf("ConfigParityIT: %d rows in %.1f s%n", table.rows().size(), table.took().toMillis() / 1000.0);
    table.runs().forEach((run, took) -> System.out.printf("  %-60s %5.1f s%n", run, took.toMillis() / 1000.0));
  }

  @Test
  void everySettingActsTheSameInEveryModeOrIsRefusedInOneLine() {
    SoftAssertions softly = new SoftAssertions();
    for (RowResult row : table.rows()) {
      for (Mode mode : Mode.values()) {
        softly.assertThat(row.observed().get(mode)).as("%s in %s", row.setting(), mode.label()).isEqualTo(row.expected(mode));
      }
    }
    softly.assertAll();
  }

  /** make run-automatic checks exporter names against its list before the agent starts: the list must be the agent's. */
  @Test
  void makefileKnowsTheTraceExportersTheAgentAccepts() throws Exception {
    String makefile = Files.readString(ProjectLayout.root().resolve("Makefile"));
    Matcher known = Pattern.compile("(?m)^KNOWN_TRACES_EXPORTERS\\s*:=\\s*(.+)$").matcher(makefile);
    assertThat(known.find()).as("KNOWN_TRACES_EXPORTERS in the Makefile").isTrue();
    Set<String> accepted = new TreeSet<>();
    for (RowResult row : table.rows()) {
      Matcher name = Pattern.compile("^`OTEL_TRACES_EXPORTER=([^`]+)`").matcher(row.setting());
      if (name.find() && row.observed().get(Mode.AUTOMATIC).equals(row.expected(Mode.AUTOMATIC))) {
        accepted.add(name.group(1));
      }
    }

    assertThat(new TreeSet<>(List.of(known.group(1).trim().split("\\s+")))).isEqualTo(accepted);
  }

  /** The Makefile's first example sets only variables that the table shows acting the same in every mode. */
  @Test
  void makefileExampleActsTheSameInEveryMode() throws Exception {
    String example = Files.readAllLines(ProjectLayout.root().resolve("Makefile")).stream()
        .filter(line -> line.startsWith("#   make run-")).findFirst().orElseThrow();
    Matcher variable = Pattern.compile("(OTEL_[A-Z_]+)=").matcher(example);
    while (variable.find()) {
      String name = variable.group(1);
      assertThat(table.rows()).as("a row for %s", name)
          .anySatisfy(row -> {
            assertThat(row.setting()).contains("`" + name + "=");
            assertThat(row.sameInEveryMode()).isTrue();
          });
    }
  }

  @Test
  void docsShowThisRunsTable() throws Exception {
    Path root = ProjectLayout.root();
    Path page = root.resolve("docs/configuration.md");
    String expected = Docs.fill(Files.readString(page), "config-table", table.markdown());
    Path written = root.resolve("tooling/smoke-tests/target/configuration.md");
    Files.writeString(written, expected); // to look at, or copy, when the page is stale

    assertThat(Files.readString(page)).as("docs/configuration.md is stale: run make docs (this run's page: %s)", written)
        .isEqualTo(expected);
  }
}
