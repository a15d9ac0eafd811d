package io.opentelemetry.example.autoinstrumentation.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.client.compare.ModeTable;
import io.opentelemetry.example.autoinstrumentation.client.docs.Docs;
import io.opentelemetry.example.autoinstrumentation.client.harness.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The docs say what the code does now: excerpts, run outputs, trace pictures, make targets and variables. */
class DocsIT {

  /** Variables of the SDK and the agent that the docs may name although no file here spells them. */
  static final Set<String> STANDARD_VARIABLES = Set.of("OTEL_SERVICE_NAME", "OTEL_TRACES_EXPORTER",
      "OTEL_METRICS_EXPORTER", "OTEL_LOGS_EXPORTER", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL",
      "OTEL_CONFIG_FILE", "OTEL_JAVAAGENT_DEBUG", "OTEL_BSP_MAX_QUEUE_SIZE");
  /** Names of the Python page, which the docs map to Java ones. */
  static final Set<String> PYTHON_VARIABLES = Set.of("OTEL_PYTHON_FLASK_EXCLUDED_URLS",
      "OTEL_INSTRUMENTATION_HTTP_CAPTURE_HEADERS_SERVER_REQUEST", "OTEL_INSTRUMENTATION_HTTP_CAPTURE_HEADERS_SERVER_RESPONSE",
      "OTEL_INSTRUMENTATION_HTTP_CAPTURE_HEADERS_SANITIZE_FIELDS");

  static Path root;
  static String docs;

  @BeforeAll
  static void readDocs() throws Exception {
    root = ProjectLayout.root();
    StringBuilder all = new StringBuilder();
    for (Path page : Docs.pages(root)) {
      all.append(Files.readString(page)).append('\n');
    }
    docs = all.toString();
  }

  @Test
  void excerptsOutputsAndPicturesMatchTheCodeAndARealRun() throws Exception {
    // ConfigParityIT and CompareIT compare their tables with their own runs of them: running those twice costs minutes.
    Map<Path, String> regenerated = Docs.regenerate(root, Set.of("config-table", "compare-table", ModeTable.OUTPUT));
    for (Map.Entry<Path, String> page : regenerated.entrySet()) {
      // the pictures' times differ on every run: compared without them, as make docs does
      assertThat(Docs.comparable(Docs.onDisk(page.getKey())))
          .as("%s is stale: run make docs", root.relativize(page.getKey()))
          .isEqualTo(Docs.comparable(page.getValue()));
    }
    assertThat(regenerated.keySet()).extracting(path -> root.relativize(path).toString())
        .contains("docs/trace-manual.svg", "docs/trace-automatic.svg", "docs/trace-programmatic.svg");
  }

  /**
   * Words that are ours, not a reader's: what the Python example was called while this was built, and "served", which
   * reads like a remark about a private package mirror where "published" is meant.
   */
  static final Pattern WORDS_OF_OURS = Pattern.compile("(?i)\\bseed(?:'s|s)?\\b|\\bserved (?:at|only|here)\\b|\\bnot served\\b");

  @Test
  void noWordOfOursInWhatReadersSee() throws Exception {
    List<Path> read = new ArrayList<>(Docs.pages(root));
    read.add(root.resolve("Makefile"));
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(Files::isRegularFile)
          .filter(path -> !path.toString().contains("/target/") && !path.toString().contains("/.git/"))
          // POM descriptions and comments, and the strings the programs print
          .filter(path -> path.endsWith("pom.xml") || path.toString().matches(".*/src/main/.*\\.(java|properties|yaml|xml)$"))
          .forEach(read::add);
    }
    Map<String, String> found = new TreeMap<>();
    for (Path file : read) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        Matcher word = WORDS_OF_OURS.matcher(lines.get(i));
        if (word.find()) {
          found.put(root.relativize(file) + ":" + (i + 1), word.group());
        }
      }
    }
    assertThat(found).as("say 'the Python example' or name the route; say 'published'").isEmpty();
  }

  @Test
  void everyMakeTargetNamedExists() throws Exception {
    String makefile = Files.readString(root.resolve("Makefile"));
    Set<String> targets = Pattern.compile("(?m)^([a-z][a-z-]*):").matcher(makefile).results()
        .map(match -> match.group(1)).collect(Collectors.toSet());
    Set<String> named = new TreeSet<>();
    Matcher make = Pattern.compile("`make ([a-z][a-z-]*)").matcher(docs);
    while (make.find()) {
      named.add(make.group(1));
    }

    assertThat(named).isNotEmpty().allSatisfy(target -> assertThat(targets).contains(target));
  }

  @Test
  void everyVariableNamedIsReadSomewhere() throws Exception {
    String code;
    try (Stream<Path> files = Files.walk(root)) {
      code = files.filter(Files::isRegularFile)
          .filter(path -> !path.toString().contains("/target/") && !path.toString().contains("/.git/"))
          .filter(path -> path.toString().matches(".*\\.(java|properties|yaml)$") || path.endsWith("Makefile"))
          .filter(path -> !path.toString().contains("/src/test/"))
          .map(DocsIT::read)
          .collect(Collectors.joining("\n"));
    }
    Set<String> named = new TreeSet<>();
    // Java excerpts name constants such as SERVER_ADDRESS, a semantic-convention key, not a variable
    String prose = docs.replaceAll("(?s)```java\n.*?```", "");
    Matcher variable = Pattern.compile("\\b((?:OTEL|PORT|BIND|SERVER|CLIENT|BENCH)[A-Z_]*)\\b").matcher(prose);
    while (variable.find()) {
      named.add(variable.group(1));
    }

    assertThat(named).isNotEmpty().allSatisfy(name -> {
      if (STANDARD_VARIABLES.contains(name) || PYTHON_VARIABLES.contains(name)) {
        return;
      }
      // OTEL_A_B is read as the property otel.a.b (or otel.a.b-c, which the docs spell the same way)
      String property = name.toLowerCase().replace('_', '.');
      String loose = property.replace("-", ".");
      boolean read = code.contains("\"" + name + "\"") || code.contains(name + ")") || code.contains("$(" + name + ")")
          || code.replace('-', '.').contains(loose);
      assertThat(read).as("%s is named in the docs but nothing reads it", name).isTrue();
    });
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
