package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Log correlation, as the comparison's fields: for each request to {@code /server_request}, whose route logs {@code
 * served param=X}, whether the ids in that log line are those of the request's SERVER span. The servers log through
 * Logback in the format of common's logback.xml, on stdout.
 */
final class LogRows {

  static final String SECTION = "logs";
  static final String NO_LINE = "(no log line)";
  static final String SERVER_SPANS_IDS = "its SERVER span's trace and span ids";
  /** The route's line: the ids, when the MDC has them, then the message with the request's parameter. */
  private static final Pattern LINE =
      Pattern.compile(".*?(?: trace_id=(\\S*) span_id=(\\S*) trace_flags=(\\S*))? - served param=(.*)");
  private static final String NESTED = ", from /real_handler";

  /**
   * One field per request of {@code scenarios} that logs a line, named by the request.
   *
   * @param stdout what the mode's server wrote on stdout
   * @param spans the spans it exported
   */
  static Map<String, String> fields(List<Scenario> scenarios, List<String> stdout, List<ExportedSpan> spans) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Scenario scenario : scenarios) {
      if (scenario.path().equals("/server_request")) {
        fields.put(scenario.label(), correlation(scenario.param(), stdout, spans));
      } else if (scenario == Scenario.REAL_HANDLER) { // the handler calls /server_request with its own parameter
        fields.put("/server_request?param=" + scenario.param() + NESTED, correlation(scenario.param(), stdout, spans));
      }
    }
    return fields;
  }

  /** What the log line of the request with {@code param} carries, against the request's SERVER span. */
  static String correlation(String param, List<String> stdout, List<ExportedSpan> spans) {
    List<Matcher> lines = stdout.stream().map(LINE::matcher).filter(Matcher::matches)
        .filter(line -> line.group(4).equals(param)).toList();
    if (lines.isEmpty()) {
      return NO_LINE;
    } else if (lines.size() > 1) {
      return lines.size() + " log lines";
    }
    Matcher line = lines.get(0);
    if (line.group(1) == null) {
      return "no ids";
    }
    Targets targets = Targets.withLogs(stdout);
    ExportedSpan span = spans.stream().filter(each -> each.kind().equals("SERVER")
            && "/server_request".equals(targets.path(each))
            && param.equals(parameter("?" + targets.query(each))))
        .findFirst().orElse(null);
    if (span == null) {
      return "ids, but no SERVER span for the request";
    } else if (!line.group(1).equals(span.traceId())) {
      return "another trace's ids";
    } else if (!line.group(2).equals(span.spanId())) {
      return "its trace id, another span's id";
    }
    return SERVER_SPANS_IDS + ", trace flags " + line.group(3);
  }

  /**
   * The {@code param} of each route log line that carries ids, by its span id: how a span that does not name its query
   * is matched to its request ({@link Targets}).
   */
  static Map<String, String> paramsBySpanId(List<String> stdout) {
    Map<String, String> params = new LinkedHashMap<>();
    stdout.stream().map(LINE::matcher).filter(line -> line.matches() && line.group(2) != null)
        .forEach(line -> params.put(line.group(2), line.group(4)));
    return params;
  }

  /** The value of {@code param} in a path and query: {@code /server_request?param=x&sig=secret} has {@code x}. */
  static String parameter(String pathAndQuery) {
    String query = pathAndQuery.substring(pathAndQuery.indexOf('?') + 1);
    for (String pair : query.split("&")) {
      if (pair.startsWith("param=")) {
        return pair.substring("param=".length());
      }
    }
    return "";
  }

  private LogRows() {}
}
