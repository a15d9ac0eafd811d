package io.opentelemetry.example.autoinstrumentation.tooling.docsgenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generated parts of a Markdown page. Between {@code <!-- include: path#region -->} and {@code <!-- /include -->}
 * stands a source file, or its region between {@code // tag::region[]} and {@code // end::region[]} (or the same in
 * an XML comment); between {@code
 * <!-- output: name -->} and {@code <!-- /output -->} stands what a real run printed. Everything else is prose.
 */
final class MarkedRegions {

  private static final Pattern BLOCK =
      Pattern.compile("(<!-- (include|output): ([^ ]+) -->\\n)(.*?)(<!-- /\\2 -->)", Pattern.DOTALL);
  private static final Pattern NESTED_MARKER = Pattern.compile("(?m)^[ \\t]*// (?:tag|end)::[\\w-]+\\[\\]\\R");
  private static final Map<String, String> LANGUAGES =
      Map.of("java", "java", "properties", "properties", "yaml", "yaml", "yml", "yaml", "xml", "xml", "md", "markdown");

  /** What a run printed, by output name; null for a name it has no output for. */
  interface Outputs {
    String get(String name) throws IOException;
  }

  /** {@code page} with every marked block filled anew: includes from {@code root}, outputs from {@code outputs}. */
  static String fill(String page, Path root, Outputs outputs) throws IOException {
    Matcher matcher = BLOCK.matcher(page);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      String content = matcher.group(2).equals("include") ? include(root, matcher.group(3)) : outputs.get(matcher.group(3));
      if (content == null) {
        throw new IllegalArgumentException("no output named '" + matcher.group(3) + "'");
      }
      matcher.appendReplacement(filled, Matcher.quoteReplacement(matcher.group(1) + content + matcher.group(5)));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }

  /** What the output region {@code name} of {@code page} holds now, or null when the page has none. */
  static String current(String page, String name) {
    return BLOCK.matcher(page).results()
        .filter(result -> result.group(2).equals("output") && result.group(3).equals(name))
        .map(result -> result.group(4)).findFirst().orElse(null);
  }

  /** {@code page} with only the output region {@code name} filled with {@code content}. */
  static String fillOutput(String page, String name, String content) {
    Matcher matcher = BLOCK.matcher(page);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      boolean target = matcher.group(2).equals("output") && matcher.group(3).equals(name);
      matcher.appendReplacement(filled, Matcher.quoteReplacement(
          target ? matcher.group(1) + content + matcher.group(5) : matcher.group()));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }

  /** The names of the outputs a page asks for. */
  static List<String> outputNames(String page) {
    return BLOCK.matcher(page).results().filter(result -> result.group(2).equals("output")).map(result -> result.group(3)).toList();
  }

  static String include(Path root, String reference) throws IOException {
    int hash = reference.indexOf('#');
    Path file = root.resolve(hash < 0 ? reference : reference.substring(0, hash));
    String text = Files.readString(file);
    if (hash >= 0) {
      String region = reference.substring(hash + 1);
      // in any comment: // tag::x[] in Java, <!-- tag::x[] --> in a POM
      int start = text.indexOf("tag::" + region + "[]");
      int end = text.indexOf("end::" + region + "[]");
      if (start < 0 || end < start) {
        throw new IllegalArgumentException(file + " has no region '" + region + "'");
      }
      text = dedent(text.substring(text.indexOf('\n', start) + 1, text.lastIndexOf('\n', end) + 1));
    }
    text = NESTED_MARKER.matcher(text).replaceAll(""); // a region inside this one is shown without its markers
    String name = file.getFileName().toString();
    String language = LANGUAGES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "");
    return "```" + language + "\n" + text + (text.endsWith("\n") ? "" : "\n") + "```\n";
  }

  private static String dedent(String text) {
    int indent = text.lines().filter(line -> !line.isBlank())
        .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
    StringBuilder out = new StringBuilder();
    text.lines().forEach(line -> out.append(line.length() >= indent ? line.substring(indent) : line.strip()).append('\n'));
    return out.toString();
  }

  private MarkedRegions() {}
}
