package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.compare.Compare;
import io.opentelemetry.example.autoinstrumentation.tooling.compare.ModeTable;
import io.opentelemetry.example.autoinstrumentation.tooling.docsgenerator.Docs;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.MatchResult;
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
      "OTEL_CONFIG_FILE", "OTEL_JAVAAGENT_DEBUG", "OTEL_BSP_MAX_QUEUE_SIZE",
      "OTEL_SEMCONV_STABILITY_OPT_IN"); // read by upstream's instrumentations, the agent's and the libraries'
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
    // ConfigParityIT, CompareIT and SpringBootIT compare their tables with their own runs of them: running those twice
    // costs minutes.
    Map<Path, String> regenerated =
        Docs.regenerate(root, Set.of("config-table", "compare-table", ModeTable.OUTPUT, Compare.SPRING_TABLE));
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
  static final Pattern WORDS_OF_OURS =
      Pattern.compile("(?i)\\bseed(?:'s|s)?\\b|\\bserved (?:at|only|here)\\b|\\bnot served\\b|\\b(?:newest|latest) served\\b");

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

  /** A make command as the docs show it: in inline code or a shell block, after any variables set for it. */
  static final Pattern MAKE_COMMAND = Pattern.compile("^(?:[A-Z_][A-Z0-9_]*=\\S*\\s+)*make(?:\\s.*)?$");
  static final Pattern ASSIGNMENT = Pattern.compile("(?<![\\w.-])([A-Z][A-Z0-9_]*)=");

  @Test
  void everyMakeTargetShownExists() throws Exception {
    String makefile = Files.readString(root.resolve("Makefile"));
    Set<String> targets = Pattern.compile("(?m)^([a-z][a-z-]*):").matcher(makefile).results()
        .map(match -> match.group(1)).collect(Collectors.toSet());
    Set<String> shown = new TreeSet<>();
    for (String command : makeCommands(docs)) {
      Matcher target = Pattern.compile("\\bmake((?:\\s+[A-Z_][A-Z0-9_]*=\\S*)*)\\s+([a-z][a-z-]*)").matcher(command);
      if (target.find()) {
        shown.add(target.group(2));
      }
    }

    assertThat(shown).contains("run-manual", "compare", "profile").allSatisfy(target ->
        assertThat(targets).as("make %s is in the docs but not in the Makefile", target).contains(target));
  }

  @Test
  void everyVariableNamedIsReadSomewhere() throws Exception {
    String makefile = Files.readString(root.resolve("Makefile"));
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
    Pattern.compile("\\bOTEL_[A-Z0-9_]*").matcher(prose).results().map(MatchResult::group).forEach(named::add);
    for (String snippet : codeSnippets(prose)) {
      // a variable set in a command or in inline code: make client PARAM=hello, JAVA_TOOL_OPTIONS=-javaagent:…
      ASSIGNMENT.matcher(snippet).results().map(match -> match.group(1)).forEach(named::add);
      // a variable named in inline code: `SERVER_URL`, `PORT` (not a value such as `REDACTED`)
      if (snippet.matches("[A-Z][A-Z0-9]*_[A-Z0-9_]+|PORT|PARAM|MODE|PRETTY")) {
        named.add(snippet);
      }
    }
    named.removeIf(name -> name.endsWith("_")); // OTEL_*, a family, not a name

    assertThat(named).contains("PORT", "PARAM", "SERVER_URL", "BENCH_ARGS", "MODE", "PRETTY", "OTEL_SERVICE_NAME")
        .allSatisfy(name -> {
          if (STANDARD_VARIABLES.contains(name) || PYTHON_VARIABLES.contains(name)) {
            return;
          }
          assertThat(isRead(name, makefile, code)).as("%s is named in the docs but nothing reads it", name).isTrue();
        });
  }

  /**
   * Whether the Makefile or a program reads {@code name}: the Makefile as {@code $(NAME)}, a program through the
   * environment, and an {@code OTEL_*} variable also as its property, {@code otel.a.b} (or {@code otel.a.b-c}), which
   * the SDK modes and the agent read from the same place.
   */
  static boolean isRead(String name, String makefile, String code) {
    if (makefile.contains("$(" + name + ")") || makefile.contains("$(" + name + ":")
        || code.contains("getenv(\"" + name + "\")") || code.contains("getOrDefault(\"" + name + "\"")) {
      return true;
    }
    if (!name.startsWith("OTEL_")) {
      return false;
    }
    String loose = name.toLowerCase(Locale.ROOT).replace('_', '.');
    return code.contains("\"" + name + "\"") || code.replace('-', '.').contains(loose);
  }

  /** The make commands in {@code text}: inline code that starts with one, and the lines of shell blocks that do. */
  static List<String> makeCommands(String text) {
    return codeSnippets(text).stream().flatMap(String::lines).map(String::strip)
        .map(line -> line.replaceFirst("\\s+#.*$", "")) // a comment after the command
        .filter(line -> MAKE_COMMAND.matcher(line).matches()).toList();
  }

  /** The code a reader copies: inline code spans, and the contents of shell blocks. */
  static List<String> codeSnippets(String text) {
    List<String> snippets = new ArrayList<>();
    Matcher shell = Pattern.compile("(?ms)^```(?:shell|sh|bash|console)\\n(.*?)^```").matcher(text);
    while (shell.find()) {
      snippets.add(shell.group(1));
    }
    // inline code may wrap onto the next line, as Markdown allows
    Matcher inline = Pattern.compile("`([^`]+)`").matcher(text.replaceAll("(?ms)^```.*?^```", ""));
    while (inline.find()) {
      snippets.add(inline.group(1).replace('\n', ' '));
    }
    return snippets;
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
