package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The route's log line, in the format of common's logback.xml, read against the request's SERVER span. */
class LogRowsTest {

  static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
  static final String SPAN = "b7ad6b7169203331";
  static final List<ExportedSpan> SPANS = List.of(new ExportedSpan(Map.of(), "scope", "", "", TRACE, SPAN, "",
      "GET /server_request", "SERVER", "UNSET", Map.of("url.path", "/server_request", "url.query", "param=x&sig=REDACTED"),
      List.of(), ""));

  @Test
  void theIdsOfTheRequestsServerSpanAreFound() {
    assertThat(correlation("[qtp1-20] INFO  i.o.e.a.s.m.ServerManual trace_id=" + TRACE + " span_id=" + SPAN
        + " trace_flags=01 - served param=x")).isEqualTo(LogRows.SERVER_SPANS_IDS + ", trace flags 01");
  }

  @Test
  void otherIdsNoIdsAndNoLineAreToldApart() {
    assertThat(correlation("[qtp1-20] INFO  S trace_id=" + TRACE + " span_id=0000000000000001 trace_flags=01"
        + " - served param=x")).isEqualTo("its trace id, another span's id");
    assertThat(correlation("[qtp1-20] INFO  S trace_id=" + "1".repeat(32) + " span_id=" + SPAN + " trace_flags=01"
        + " - served param=x")).isEqualTo("another trace's ids");
    assertThat(correlation("[qtp1-20] INFO  S - served param=x")).isEqualTo("no ids");
    assertThat(correlation("[qtp1-20] INFO  S - served param=y")).isEqualTo(LogRows.NO_LINE);
  }

  @Test
  void eachServerRequestScenarioAndTheRealHandlersCallHaveARow() {
    assertThat(LogRows.fields(List.of(Scenario.SENSITIVE_QUERY, Scenario.NOT_FOUND, Scenario.REAL_HANDLER), List.of(), SPANS))
        .containsOnlyKeys("/server_request?param=signed&…", "/server_request?param=hello, from /real_handler");
  }

  private static String correlation(String line) {
    return LogRows.correlation("x", List.of("Listening on http://127.0.0.1:1/", line), SPANS);
  }
}
