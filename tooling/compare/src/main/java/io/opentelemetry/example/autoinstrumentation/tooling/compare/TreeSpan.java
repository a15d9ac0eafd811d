package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;

/**
 * The spans of the {@link Scenario#REAL_HANDLER} trace, the agent's tree being the reference. Each is found by what it
 * is (its kind and attributes), not by where it hangs, so a span under the wrong parent still lines up with its
 * counterparts in the other modes, and its {@code parent} row shows the difference.
 */
enum TreeSpan {
  HANDLER("the SERVER span of /real_handler",
      (span, param, targets) -> span.kind().equals("SERVER") && "/real_handler".equals(targets.path(span))),
  HTTP_CLIENT("the %s CLIENT span",
      (span, param, targets) -> span.kind().equals("CLIENT")
          && String.valueOf(targets.url(span)).endsWith("/server_request?param=" + param)),
  NESTED_SERVER("the nested SERVER span of /server_request",
      (span, param, targets) -> span.kind().equals("SERVER") && "/server_request".equals(targets.path(span))
          && ("param=" + param).equals(targets.query(span))),
  QUERY("the H2 query span",
      (span, param, targets) -> span.attributes().keySet().stream().anyMatch(key -> key.startsWith("db.")));

  /** How the comparison names the span, in its section's heading and in the {@code parent} rows of its children. */
  private final String description;
  private final Matcher matches;

  /** Whether a span is this one, for a request with {@code param}, its request read by {@code targets}. */
  private interface Matcher {
    boolean test(ExportedSpan span, String param, Targets targets);
  }

  TreeSpan(String description, Matcher matches) {
    this.description = description;
    this.matches = matches;
  }

  /** How {@code lineup}'s reports name the span: the client call by the HTTP client its servers use. */
  String description(Lineup lineup) {
    return String.format(description, lineup.httpClient());
  }

  /** Whether {@code span} is this one, for a request to {@code /real_handler?param=<param>}. */
  boolean matches(ExportedSpan span, String param, Targets targets) {
    return matches.test(span, param, targets);
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
