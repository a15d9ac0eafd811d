package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import java.util.ArrayList;
import java.util.List;

/** Lines of Java code, as the docs count them: not blank, comment (Javadoc, block, line, tag markers), package or import. */
public final class LinesOfCode {

  /** The code lines of {@code text}, each stripped. */
  public static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    boolean inComment = false;
    for (String line : text.lines().map(String::strip).toList()) {
      if (inComment) {
        inComment = !line.contains("*/");
      } else if (line.startsWith("/*")) {
        inComment = !line.contains("*/");
      } else if (!line.isEmpty() && !line.startsWith("//") && !line.startsWith("package ")
          && !line.startsWith("import ")) {
        lines.add(line);
      }
    }
    return lines;
  }

  public static int count(String text) {
    return lines(text).size();
  }

  private LinesOfCode() {}
}
