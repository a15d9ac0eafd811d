package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.compare.Row.Verdict;
import org.junit.jupiter.api.Test;

/** An expected difference stays expected only while every mode shows what its entry says. */
class KnownDifferencesTest {

  static final String AUTHORIZATION = "http.request.header.authorization";

  /** Manual captures no header; the agent leaks the credential, or with agent-extension redacts it as the library does. */
  @Test
  void theAgentsLeakOrItsRedactionBesideProgrammaticsIsExpected() {
    assertThat(verdict(Scenario.HEADERS, AUTHORIZATION, "(absent)", "[Bearer secret]", "[REDACTED]"))
        .isEqualTo(Verdict.EXPECTED);
    assertThat(verdict(Scenario.HEADERS, AUTHORIZATION, "(absent)", "[REDACTED]", "[REDACTED]"))
        .isEqualTo(Verdict.EXPECTED);
  }

  @Test
  void programmaticThatStopsRedactingOrManualThatCapturesIsDifferent() {
    assertThat(verdict(Scenario.HEADERS, AUTHORIZATION, "(absent)", "[Bearer secret]", "[Bearer secret]"))
        .isEqualTo(Verdict.DIFFERENT);
    assertThat(verdict(Scenario.HEADERS, AUTHORIZATION, "[Bearer secret]", "[Bearer secret]", "[REDACTED]"))
        .isEqualTo(Verdict.DIFFERENT);
    assertThat(verdict(Scenario.HEADERS, AUTHORIZATION, "[REDACTED]", "[Bearer secret]", "[REDACTED]"))
        .isEqualTo(Verdict.DIFFERENT);
  }

  /** The reason names a leak: an agent that captured no credential at all is another difference, not this one. */
  @Test
  void theLeakIsExpectedOnlyWhereTheAgentShowsTheCredential() {
    assertThat(verdict(Scenario.HEADERS, AUTHORIZATION, "(absent)", "(absent)", "[REDACTED]"))
        .isEqualTo(Verdict.DIFFERENT);
    assertThat(verdict(Scenario.HEADERS, AUTHORIZATION, "(absent)", "[]", "[REDACTED]"))
        .isEqualTo(Verdict.DIFFERENT);
  }

  @Test
  void scopesAreExpectedOnlyWithTheirOwnNames() {
    String manual = "io.opentelemetry.example.server-manual";
    String agent = "io.opentelemetry.jetty-8.0";
    String library = "io.opentelemetry.example.spark-2.6";

    assertThat(verdict(Scenario.PYTHON_EXAMPLE, "scope", manual, agent, library)).isEqualTo(Verdict.EXPECTED);
    assertThat(verdict(Scenario.PYTHON_EXAMPLE, "scope", manual, "io.opentelemetry.servlet-3.0", library))
        .isEqualTo(Verdict.DIFFERENT);
  }

  @Test
  void aMissingManualSpanSetsManualAsideAndTheOthersStillAnswerForTheirOwnDifferences() {
    String absent = Normalizer.ABSENT;

    assertThat(verdict(Scenario.NOT_FOUND, "http.route", absent, "(absent)", "(absent)")).isEqualTo(Verdict.EXPECTED);
    assertThat(verdict(Scenario.NOT_FOUND, "http.route", absent, "(absent)", "/no_such_route"))
        .isEqualTo(Verdict.DIFFERENT);
    assertThat(verdict(Scenario.NOT_FOUND, "scope", absent, "io.opentelemetry.jetty-8.0", "io.opentelemetry.example.spark-2.6"))
        .isEqualTo(Verdict.EXPECTED);
    // outside the 404, a missing manual span is not excused
    assertThat(verdict(Scenario.PYTHON_EXAMPLE, "http.route", absent, "/server_request", "/server_request"))
        .isEqualTo(Verdict.DIFFERENT);
  }

  @Test
  void theExceptionEventIsExpectedFromManualOnlyForTheRouteThatThrowsAnException() {
    assertThat(verdict(Scenario.EXCEPTION, "events", "exception", "(none)", "(none)")).isEqualTo(Verdict.EXPECTED);
    assertThat(verdict(Scenario.EXCEPTION, "events", "exception", "(none)", "exception")).isEqualTo(Verdict.DIFFERENT);
    assertThat(verdict(Scenario.ERROR, "events", "(none)", "exception", "exception")).isEqualTo(Verdict.DIFFERENT);
  }

  /** The server spans' versions are the agent's release and this project's own: another agent is another difference. */
  @Test
  void theAgentsServerSpanVersionIsItsRelease() {
    String version = "scope.version";
    assertThat(verdict(Scenario.PYTHON_EXAMPLE, version, "1.0.0-SNAPSHOT", "2.31.1-alpha", "1.0.0-SNAPSHOT"))
        .isEqualTo(Verdict.EXPECTED);
    assertThat(verdict(Scenario.PYTHON_EXAMPLE, version, "1.0.0-SNAPSHOT", "2.32.0-alpha", "1.0.0-SNAPSHOT"))
        .isEqualTo(Verdict.DIFFERENT);
  }

  /** The agent and the library run upstream's OkHttp instrumentation of one release: either moving alone is DIFFERENT. */
  @Test
  void theClientLibraryIsOnTheAgentsRelease() {
    String version = "scope.version";
    assertThat(verdict(TreeSpan.HTTP_CLIENT.section(), version, "1.0.0-SNAPSHOT", "2.31.1-alpha", "2.31.1-alpha"))
        .isEqualTo(Verdict.EXPECTED);
    assertThat(verdict(TreeSpan.HTTP_CLIENT.section(), version, "1.0.0-SNAPSHOT", "2.31.1-alpha", "2.29.0-alpha"))
        .isEqualTo(Verdict.DIFFERENT);
    assertThat(verdict(TreeSpan.HTTP_CLIENT.section(), version, "1.0.0-SNAPSHOT", "2.33.1-alpha", "2.31.1-alpha"))
        .isEqualTo(Verdict.DIFFERENT);
  }

  /** Every mode's query span is upstream's JDBC instrumentation's, manual's included: anything else is DIFFERENT. */
  @Test
  void theQuerySpanIsUpstreamsInEveryMode() {
    String jdbc = "io.opentelemetry.jdbc";
    assertThat(verdict(TreeSpan.QUERY.section(), "scope", jdbc, jdbc, jdbc)).isEqualTo(Verdict.SAME);
    assertThat(verdict(TreeSpan.QUERY.section(), "scope", "io.opentelemetry.example.server-manual", jdbc, jdbc))
        .isEqualTo(Verdict.DIFFERENT);
    assertThat(verdict(TreeSpan.QUERY.section(), "scope.version", "1.0.0-SNAPSHOT", "2.31.1-alpha", "2.31.1-alpha"))
        .isEqualTo(Verdict.DIFFERENT);
    assertThat(verdict(TreeSpan.QUERY.section(), "schema url", "https://opentelemetry.io/schemas/1.24.0", "(none)",
        "(none)")).isEqualTo(Verdict.DIFFERENT);
  }

  /** A route that throws: manual's span ends with the exception, before the 500 is answered. */
  @Test
  void theStatusAnsweredAfterAThrowingRouteIsNotInManualsSpan() {
    String status = "http.response.status_code";
    assertThat(verdict(Scenario.EXCEPTION, status, "(absent)", "500", "500")).isEqualTo(Verdict.EXPECTED);
    assertThat(verdict(Scenario.ERROR, status, "(absent)", "500", "500")).isEqualTo(Verdict.EXPECTED);
    assertThat(verdict(Scenario.EXCEPTION, status, "(absent)", "500", "(absent)")).isEqualTo(Verdict.DIFFERENT);
    // a route that returns or halts answers with a status the span sees
    assertThat(verdict(Scenario.HALT, status, "(absent)", "401", "401")).isEqualTo(Verdict.DIFFERENT);
    assertThat(verdict(Scenario.UNAVAILABLE, status, "(absent)", "503", "503")).isEqualTo(Verdict.DIFFERENT);
  }

  @Test
  void theErrorTypeOfAThrowingRouteIsTheClassOfWhatItThrew() {
    assertThat(verdict(Scenario.EXCEPTION, "error.type", "java.lang.IllegalStateException", "500", "500"))
        .isEqualTo(Verdict.EXPECTED);
    assertThat(verdict(Scenario.ERROR, "error.type", "java.lang.AssertionError", "500", "500")).isEqualTo(Verdict.EXPECTED);
    assertThat(verdict(Scenario.EXCEPTION, "error.type", "_OTHER", "500", "500")).isEqualTo(Verdict.DIFFERENT);
    // a halt is an answer: no error.type in any mode
    assertThat(verdict(Scenario.HALT, "error.type", "spark.HaltException", "(absent)", "(absent)"))
        .isEqualTo(Verdict.DIFFERENT);
  }

  /** Manual's spans capture no header, request or response; the others must still agree, and on the client span too. */
  @Test
  void manualCapturesNoHeader() {
    String contentType = "http.response.header.content-type";
    String sparks = "[text/html;charset=utf-8]";
    assertThat(verdict(Scenario.PYTHON_EXAMPLE, contentType, "(absent)", sparks, sparks)).isEqualTo(Verdict.EXPECTED);
    assertThat(verdict(Scenario.HEADERS, "http.request.header.x-custom", "(absent)", "[one, two]", "[one, two]"))
        .isEqualTo(Verdict.EXPECTED);
    assertThat(verdict(Scenario.PYTHON_EXAMPLE, contentType, "(absent)", sparks, "(absent)")).isEqualTo(Verdict.DIFFERENT);
    assertThat(verdict(Scenario.PYTHON_EXAMPLE, contentType, "[application/json]", sparks, sparks))
        .isEqualTo(Verdict.DIFFERENT);
    assertThat(verdict(TreeSpan.HTTP_CLIENT.section(), contentType, "(absent)", sparks, sparks)).isEqualTo(Verdict.DIFFERENT);
  }

  @Test
  void aTreeSpanUnderAnotherParentIsDifferent() {
    assertThat(verdict(TreeSpan.QUERY.section(), "parent",
        "none: a new trace", "the SERVER span of /real_handler", "the SERVER span of /real_handler"))
        .isEqualTo(Verdict.DIFFERENT);
  }

  @Test
  void manualMayLackTheRequestMetricButTheOthersMustAgree() {
    String metric = MetricRows.REQUEST_DURATION;
    String none = MetricRows.NO_METRIC;

    assertThat(verdict(metric, "unit", none, "s", "s")).isEqualTo(Verdict.EXPECTED);
    assertThat(verdict(metric, "unit", none, "s", "ms")).isEqualTo(Verdict.DIFFERENT);
    assertThat(verdict(metric, "unit", none, "s", none)).as("the library must record it").isEqualTo(Verdict.DIFFERENT);
    assertThat(verdict(metric, "scope", none, "io.opentelemetry.jetty-8.0", "io.opentelemetry.example.spark-2.6"))
        .isEqualTo(Verdict.EXPECTED);
    // no span is not no metric: the 404's entry does not excuse a missing metric
    assertThat(verdict(metric, "unit", Normalizer.ABSENT, "s", "s")).isEqualTo(Verdict.DIFFERENT);
  }

  @Test
  void everyRequestMustBeRecordedOnceEvenWhenTheModesAgree() {
    String metric = MetricRows.REQUEST_DURATION;

    assertThat(verdict(metric, MetricRows.RECORDINGS, MetricRows.NO_METRIC, "13 for 13 requests", "13 for 13 requests"))
        .isEqualTo(Verdict.EXPECTED);
    assertThat(verdict(metric, MetricRows.RECORDINGS, MetricRows.NO_METRIC, "12 for 13 requests", "12 for 13 requests"))
        .isEqualTo(Verdict.DIFFERENT);
  }

  @Test
  void runtimeMetricsMustMatchTheAgentsInEveryMode() {
    String agents = "{thread}, sum, cumulative";
    assertThat(verdict(MetricRows.RUNTIME, "jvm.thread.count", agents, agents, agents)).isEqualTo(Verdict.SAME);
    assertThat(verdict(MetricRows.RUNTIME, "jvm.thread.count", "(absent)", agents, agents)).isEqualTo(Verdict.DIFFERENT);
    assertThat(verdict(MetricRows.RUNTIME, "jvm.thread.count", agents, agents, "{thread}, gauge"))
        .isEqualTo(Verdict.DIFFERENT);
  }

  @Test
  void logLinesMustCarryTheSameIdsInEveryMode() {
    String correlated = LogRows.SERVER_SPANS_IDS + ", trace flags 01";

    assertThat(verdict(LogRows.SECTION, "/server_request?param=testing", correlated, correlated, correlated))
        .isEqualTo(Verdict.SAME);
    assertThat(verdict(LogRows.SECTION, "/server_request?param=testing", "no ids", correlated, correlated))
        .isEqualTo(Verdict.DIFFERENT);
  }

  private static Verdict verdict(Scenario scenario, String field, String manual, String automatic, String programmatic) {
    return verdict(scenario.name(), field, manual, automatic, programmatic);
  }

  private static Verdict verdict(String section, String field, String manual, String automatic, String programmatic) {
    return TestRows.verdict(Lineup.MODES, section, field, manual, automatic, programmatic);
  }
}
