package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import static io.opentelemetry.semconv.UrlAttributes.URL_FULL;
import static io.opentelemetry.semconv.UrlAttributes.URL_PATH;
import static io.opentelemetry.semconv.UrlAttributes.URL_QUERY;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import java.util.function.BiPredicate;

/**
 * The spans of the {@link Scenario#REAL_HANDLER} trace, the agent's tree being the reference. Each is found by what it
 * is (its kind and attributes), not by where it hangs, so a span under the wrong parent still lines up with its
 * counterparts in the other modes, and its {@code parent} row shows the difference.
 */
enum TreeSpan {
  HANDLER("the SERVER span of /real_handler",
      (span, param) -> span.kind().equals("SERVER") && "/real_handler".equals(span.attribute(URL_PATH))),
  HTTP_CLIENT("the OkHttp CLIENT span",
      (span, param) -> span.kind().equals("CLIENT")
          && String.valueOf(span.attribute(URL_FULL)).endsWith("/server_request?param=" + param)),
  NESTED_SERVER("the nested SERVER span of /server_request",
      (span, param) -> span.kind().equals("SERVER") && "/server_request".equals(span.attribute(URL_PATH))
          && ("param=" + param).equals(span.attribute(URL_QUERY))),
  QUERY("the H2 query span",
      (span, param) -> span.attributes().keySet().stream().anyMatch(key -> key.startsWith("db.")));

  /** How the comparison names the span, in its section's heading and in the {@code parent} rows of its children. */
  final String description;
  private final BiPredicate<ExportedSpan, String> matches;

  TreeSpan(String description, BiPredicate<ExportedSpan, String> matches) {
    this.description = description;
    this.matches = matches;
  }

  /** Whether {@code span} is this one, for a request to {@code /real_handler?param=<param>}. */
  boolean matches(ExportedSpan span, String param) {
    return matches.test(span, param);
  }

  /** The comparison's section for this span. */
  String section() {
    return Scenario.REAL_HANDLER.name() + "/" + name();
  }

  /** The span whose section this is, or null for a section of a one-span scenario or of the resource. */
  static TreeSpan ofSection(String section) {
    for (TreeSpan span : values()) {
      if (span.section().equals(section)) {
        return span;
      }
    }
    return null;
  }
}
