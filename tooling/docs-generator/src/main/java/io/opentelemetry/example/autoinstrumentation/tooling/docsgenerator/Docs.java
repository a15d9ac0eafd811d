package io.opentelemetry.example.autoinstrumentation.tooling.docsgenerator;

import io.opentelemetry.example.autoinstrumentation.tooling.compare.Waterfall;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code make docs}: fills every page's marked blocks from the sources and from real runs. {@code --check} writes
 * nothing and exits 1 when a page differs from what the code now produces.
 */
public final class Docs {

  public static void main(String[] args) throws IOException {
    boolean check = args.length == 1 && args[0].equals("--check");
    if (args.length > 0 && !check) {
      System.err.println("error: usage: docs [--check]");
      System.exit(2);
    }
    Path root;
    Map<Path, String> regenerated;
    try {
      root = ProjectLayout.root();
      regenerated = regenerate(root);
    } catch (IllegalStateException | IllegalArgumentException e) { // not built, a mode failed, a bad marker
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    List<Path> drifted = new ArrayList<>();
    for (Map.Entry<Path, String> page : regenerated.entrySet()) {
      if (!comparable(onDisk(page.getKey())).equals(comparable(page.getValue()))) {
        drifted.add(root.relativize(page.getKey()));
        if (!check) {
          Files.writeString(page.getKey(), page.getValue());
        }
      }
    }
    if (check && !drifted.isEmpty()) {
      System.err.println("error: the docs differ from what the code produces now: " + drifted + "; run make docs");
      System.exit(1);
    }
    System.out.println(drifted.isEmpty() ? "docs are up to date" : "regenerated " + drifted);
  }

  /** Every page under docs/ and the READMEs, and every picture they show, as the code would write them now. */
  public static Map<Path, String> regenerate(Path root) throws IOException {
    return regenerate(root, Set.of());
  }

  /**
   * Every page as the code would write it now, except the outputs named in {@code checkedElsewhere}, which stay as the
   * pages have them: a test that produces such an output compares it itself, so the run is not made twice.
   */
  public static Map<Path, String> regenerate(Path root, Set<String> checkedElsewhere) throws IOException {
    Map<Path, String> pages = new LinkedHashMap<>();
    List<String> outputs = new ArrayList<>();
    for (Path page : pages(root)) {
      String text = Files.readString(page);
      pages.put(page, text);
      outputs.addAll(MarkedRegions.outputNames(text).stream().filter(name -> !checkedElsewhere.contains(name)).toList());
    }
    RunOutputs run = RunOutputs.capture(outputs);
    Map<Path, String> regenerated = new LinkedHashMap<>();
    for (Map.Entry<Path, String> page : pages.entrySet()) {
      String text = page.getValue();
      regenerated.put(page.getKey(), MarkedRegions.fill(text, root,
          name -> checkedElsewhere.contains(name) ? MarkedRegions.current(text, name) : run.get(name, page.getKey())));
    }
    run.files().forEach((name, content) -> regenerated.put(root.resolve("docs").resolve(name), content));
    return regenerated;
  }

  /** What a drift check compares: the text without what a run measures, which differs on every run. */
  public static String comparable(String text) {
    return Waterfall.withoutMeasurements(text);
  }

  /** The file's text, or "" when it does not exist yet. */
  public static String onDisk(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "";
  }

  /** The page among {@link #pages} that shows the output region {@code name}. */
  public static Path pageShowing(Path root, String name) throws IOException {
    for (Path page : pages(root)) {
      if (MarkedRegions.outputNames(Files.readString(page)).contains(name)) {
        return page;
      }
    }
    throw new IllegalStateException("no page shows the output '" + name + "'");
  }

  /** {@code page} with its output region {@code name} filled with {@code content}, everything else as it is. */
  public static String fill(String page, String name, String content) {
    return MarkedRegions.fillOutput(page, name, content);
  }

  public static List<Path> pages(Path root) throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(root.resolve("README.md"));
    for (String module : List.of("server-manual", "server-automatic", "server-automatic-api", "server-programmatic",
        "spark-2.6", "agent-extension", "client", "tooling")) {
      pages.add(root.resolve(module).resolve("README.md"));
    }
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  private Docs() {}
}
