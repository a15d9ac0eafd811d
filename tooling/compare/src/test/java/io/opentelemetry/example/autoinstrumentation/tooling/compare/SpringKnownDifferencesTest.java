package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import static io.opentelemetry.example.autoinstrumentation.tooling.harness.SpringVariant.MICROMETER;
import static io.opentelemetry.example.autoinstrumentation.tooling.harness.SpringVariant.STARTER;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.compare.Row.Verdict;
import org.junit.jupiter.api.Test;

/** A difference between the Spring Boot variants stays expected only while each variant shows what its entry says. */
class SpringKnownDifferencesTest {

  static final String QUERY = TreeSpan.QUERY.section();
  static final String HANDLER = "the SERVER span of /real_handler";

  @Test
  void theStartersQueryInATraceOfItsOwnIsExpectedUnderAnyOtherParentItIsNot() {
    assertThat(verdict(QUERY, "parent", HANDLER, "none: a new trace", Normalizer.ABSENT)).isEqualTo(Verdict.EXPECTED);
    assertThat(verdict(QUERY, "parent", HANDLER, "another span", Normalizer.ABSENT)).isEqualTo(Verdict.DIFFERENT);
  }

  /** Only Spring Boot's own support may make no query span. */
  @Test
  void aMissingQuerySpanIsExpectedOfMicrometerAlone() {
    String name = "SELECT orders.orders";

    assertThat(verdict(QUERY, "name", name, name, Normalizer.ABSENT)).isEqualTo(Verdict.EXPECTED);
    assertThat(verdict(QUERY, "name", name, Normalizer.ABSENT, Normalizer.ABSENT)).isEqualTo(Verdict.DIFFERENT);
    assertThat(Lineup.SPRING.expectedSpans(MICROMETER, Scenario.REAL_HANDLER)).isEqualTo(3);
    assertThat(Lineup.SPRING.expectedSpans(STARTER, Scenario.REAL_HANDLER)).isEqualTo(4);
  }

  @Test
  void micrometersOwnKeysAreExpectedOnlyWhereTheOthersHaveNone() {
    String section = Scenario.PYTHON_EXAMPLE.name();

    assertThat(verdict(section, "outcome", "(absent)", "(absent)", "SUCCESS")).isEqualTo(Verdict.EXPECTED);
    assertThat(verdict(section, "outcome", "(absent)", "SUCCESS", "SUCCESS")).isEqualTo(Verdict.DIFFERENT);
    assertThat(verdict(section, "http.route", "/server_request", "/server_request", "(absent)"))
        .isEqualTo(Verdict.EXPECTED);
    assertThat(verdict(section, "http.route", "/server_request", "(absent)", "(absent)")).isEqualTo(Verdict.DIFFERENT);
  }

  /** The reason names a leak: a variant that captures the credential otherwise is another difference, not this one. */
  @Test
  void theCapturedCredentialIsExpectedOnlyAsSent() {
    String authorization = "http.request.header.authorization";
    String sent = "[Bearer compare-secret]";

    assertThat(verdict(Scenario.HEADERS.name(), authorization, sent, sent, "(absent)")).isEqualTo(Verdict.EXPECTED);
    assertThat(verdict(Scenario.HEADERS.name(), authorization, sent, "[REDACTED]", "(absent)"))
        .isEqualTo(Verdict.DIFFERENT);
  }

  private static Verdict verdict(String section, String field, String agent, String starter, String micrometer) {
    return TestRows.verdict(Lineup.SPRING, section, field, agent, starter, micrometer);
  }
}
