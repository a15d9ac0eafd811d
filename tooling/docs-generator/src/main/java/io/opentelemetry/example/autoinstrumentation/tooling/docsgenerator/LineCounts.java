package io.opentelemetry.example.autoinstrumentation.tooling.docsgenerator;

import io.opentelemetry.example.autoinstrumentation.tooling.compare.LinesOfCode;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.MarkdownTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What each mode's real handler takes, in lines of code (not blank, comment, package or import lines): the lines in
 * the server's main class, and the instrumentation code the mode has to write and keep.
 */
final class LineCounts {

  /** A mode's sources, by its name. */
  private static final String SOURCES =
      "server-%1$s/src/main/java/io/opentelemetry/example/autoinstrumentation/server/%1$s/";
  private static final String MANUAL = SOURCES.formatted("manual");
  /** The code the manual mode wrote for the real handler: its OkHttp CLIENT span, which the other two get from upstream. */
  static final List<String> MANUAL_INSTRUMENTATION = List.of(MANUAL + "ClientSpanInterceptor.java");

  static String table(Path root) throws IOException {
    int manual = region(root.resolve(MANUAL + "ServerManual.java"));
    int automatic = region(root.resolve(SOURCES.formatted("automatic") + "ServerAutomatic.java"));
    int programmatic = region(root.resolve(SOURCES.formatted("programmatic") + "ServerProgrammatic.java"));
    StringBuilder written = new StringBuilder();
    int total = 0;
    for (String file : MANUAL_INSTRUMENTATION) {
      int lines = code(Files.readString(root.resolve(file)));
      total += lines;
      written.append(written.length() == 0 ? "" : " + ").append('`')
          .append(file.substring(file.lastIndexOf('/') + 1)).append("` ").append(lines);
    }
    return new MarkdownTable("lines of code", "manual", "automatic", "programmatic")
        .row("in the server's main class", String.valueOf(manual), String.valueOf(automatic), String.valueOf(programmatic))
        .row("instrumentation code of its own", total + " (" + written + ")", "0", "0")
        .toString();
  }

  /** The lines of code between {@code // tag::real-handler[]} and its end. */
  static int region(Path file) throws IOException {
    String text = Files.readString(file);
    int start = text.indexOf("// tag::real-handler[]");
    int end = text.indexOf("// end::real-handler[]");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(file + " has no region 'real-handler'");
    }
    return code(text.substring(text.indexOf('\n', start) + 1, end));
  }

  static int code(String text) {
    return LinesOfCode.count(text);
  }

  private LineCounts() {}
}
