package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import static io.opentelemetry.example.autoinstrumentation.tooling.harness.SpringVariant.AGENT;
import static io.opentelemetry.example.autoinstrumentation.tooling.harness.SpringVariant.MICROMETER;
import static io.opentelemetry.example.autoinstrumentation.tooling.harness.SpringVariant.STARTER;

import io.opentelemetry.example.autoinstrumentation.tooling.compare.KnownDifferences.Known;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The differences between the Spring Boot service's variants that exist by design, each with its one-line reason, read
 * as {@link KnownDifferences} reads its own: the agent's value is the reference, an entry names the value each
 * differing variant must show, and the variants it does not name must still agree. docs/spring-boot.md explains each.
 */
final class SpringKnownDifferences {

  private static final String ABSENT = "\\(absent\\)";
  private static final String NO_SPAN = Pattern.quote(Normalizer.ABSENT);
  /** Every section of what the server records of its requests: their spans, the real handler's too, and the metric. */
  private static final String SERVER_SPANS = "(?!(?:" + TreeSpan.HTTP_CLIENT.section() + "|" + TreeSpan.QUERY.section()
      + "|" + MetricRows.RUNTIME + "|" + LogRows.SECTION + "|" + Comparison.RESOURCE + ")$).*";
  /** The HTTP spans, server and client. */
  private static final String HTTP_SPANS = "(?!(?:" + TreeSpan.QUERY.section() + "|" + MetricRows.REQUEST_DURATION + "|"
      + MetricRows.RUNTIME + "|" + LogRows.SECTION + "|" + Comparison.RESOURCE + ")$).*";
  /** OpenTelemetry's HTTP keys, which Micrometer's conventions do not write. */
  private static final String OPENTELEMETRY_HTTP_KEYS =
      "client\\.address|http\\.request\\.method|http\\.response\\.status_code|http\\.route|network\\..*"
          + "|server\\.address|server\\.port|url\\..*|user_agent\\.original";
  /** Micrometer's own HTTP keys, in its default conventions. */
  private static final String MICROMETER_KEYS =
      "method|status" + Pattern.quote(Normalizer.ATTRIBUTE) + "|uri|outcome|exception|http\\.url|client\\.name";
  private static final String MICROMETER_CONVENTIONS = "Spring Boot's own support writes Micrometer's conventions: spans"
      + " named http <method> <route>, with Micrometer's keys (method, status, uri, outcome, exception, http.url), none"
      + " of OpenTelemetry's HTTP semantic conventions";
  private static final String AFTER_THE_FILTER = "the starter's servlet filter ends its span when the filter chain"
      + " returns, before Tomcat forwards the 404 to Spring Boot's error page, whose route and Content-Type only the"
      + " agent, in Tomcat, still sees";

  static final List<Known> LIST = List.of(
      // The more specific entries first: the first entry that explains a row gives its reason.
      new Known(Scenario.HEADERS.name(), "http\\.request\\.header\\.authorization",
          // the value is the credential the scenario sent: a leak
          Map.of(AGENT, "\\[Bearer \\S+\\]", STARTER, "\\[Bearer \\S+\\]", MICROMETER, ABSENT),
          "a credential leaks: the agent and the starter both export captured credential headers as sent (load"
              + " agent-extension under the agent, or do not capture them); Spring Boot's own support captures none"),
      new Known(HTTP_SPANS, "http\\.(?:request|response)\\.header\\..*", Map.of(MICROMETER, ABSENT),
          "Spring Boot's own support captures no headers: OTEL_INSTRUMENTATION_HTTP_SERVER_CAPTURE_* are OpenTelemetry's"
              + " settings, which it does not read"),
      new Known(Scenario.NOT_FOUND.name(), "name",
          Map.of(AGENT, Pattern.quote("GET /**"), STARTER, "GET", MICROMETER, Pattern.quote("http get /**")),
          AFTER_THE_FILTER + "; " + MICROMETER_CONVENTIONS),
      new Known(Scenario.NOT_FOUND.name(), "http\\.route|http\\.response\\.header\\.content-type",
          Map.of(STARTER, ABSENT, MICROMETER, ABSENT), AFTER_THE_FILTER + "; " + MICROMETER_CONVENTIONS),
      new Known(Scenario.NOT_FOUND.name(), Pattern.quote(Normalizer.OTHER_SPANS),
          Map.of(AGENT, Pattern.quote("ResponseFacade.sendError (INTERNAL)"), STARTER, "\\(none\\)",
              MICROMETER, "\\(none\\)"),
          "the agent's servlet instrumentation adds a span for Tomcat's sendError, the 404's way to the error page"),
      new Known(MetricRows.REQUEST_DURATION, Pattern.quote("GET /** 404 ") + ".*", Map.of(STARTER, ABSENT),
          AFTER_THE_FILTER),
      new Known(MetricRows.REQUEST_DURATION, Pattern.quote("GET (no route) 404 ") + ".*", Map.of(AGENT, ABSENT),
          AFTER_THE_FILTER),
      new Known(TreeSpan.HTTP_CLIENT.section(), "scope",
          Map.of(AGENT, Pattern.quote("io.opentelemetry.java-http-client"),
              STARTER, Pattern.quote("io.opentelemetry.spring-web-3.1"),
              MICROMETER, Pattern.quote("org.springframework.boot")),
          "the agent instruments the JDK's HttpClient under RestClient; the starter adds an interceptor to RestClient;"
              + " Spring Boot's own support observes RestClient"),
      new Known(TreeSpan.HTTP_CLIENT.section(), "network\\.protocol\\.version", Map.of(STARTER, ABSENT, MICROMETER, ABSENT),
          "the starter's RestClient interceptor sees no protocol version, which the agent reads from the JDK's"
              + " HttpClient; " + MICROMETER_CONVENTIONS),
      new Known(SERVER_SPANS, "scope", Map.of(AGENT, Pattern.quote("io.opentelemetry.tomcat-10.0"),
              STARTER, Pattern.quote("io.opentelemetry.spring-webmvc-6.0"),
              MICROMETER, Pattern.quote("org.springframework.boot")),
          "the agent instruments Tomcat; the starter adds upstream's Spring MVC servlet filter; Spring Boot's own"
              + " support observes Spring MVC"),
      new Known(HTTP_SPANS, "scope\\.version", Map.of(MICROMETER, "\\d+\\.\\d+\\.\\d+"),
          "Spring Boot's own support reports one scope, Spring Boot's, at Spring Boot's version"),
      new Known(HTTP_SPANS, "schema url", Map.of(MICROMETER, "\\(none\\)"),
          "Spring Boot's own support names no semantic-conventions schema: its keys are Micrometer's"),
      new Known(null, "thread\\.(?:id|name)", Map.of(STARTER, ABSENT, MICROMETER, ABSENT),
          "the agent adds the thread to every span; the starter only with"
              + " otel.instrumentation.common.thread-details.enabled=true; Spring Boot's own support never"),
      new Known(HTTP_SPANS, "name", Map.of(MICROMETER, "http [a-z]+(?: \\S+)?"), MICROMETER_CONVENTIONS),
      new Known(HTTP_SPANS, OPENTELEMETRY_HTTP_KEYS, Map.of(MICROMETER, ABSENT), MICROMETER_CONVENTIONS),
      new Known(HTTP_SPANS, MICROMETER_KEYS, Map.of(MICROMETER, "[^(].*"), MICROMETER_CONVENTIONS),
      new Known(TreeSpan.QUERY.section(), ".*", Map.of(MICROMETER, NO_SPAN),
          "Spring Boot observes no JDBC call: its own support traces HTTP in and out, not the query"),
      new Known(TreeSpan.QUERY.section(), "parent", Map.of(STARTER, Pattern.quote("none: a new trace")),
          "the starter instruments no executor: the query on Spring's TaskExecutor starts a trace of its own (a"
              + " TaskDecorator bean that wraps each task in Context.current() carries the trace; the agent does it for"
              + " every executor)"),
      new Known(TreeSpan.QUERY.section(), "db\\.user", Map.of(STARTER, ABSENT),
          "the starter wraps the DataSource and reads the database from its URL, which names no user; the agent"
              + " instruments the driver's connect, where the pool passes the user"),
      new Known(MetricRows.REQUEST_DURATION, ".*", Map.of(MICROMETER, Pattern.quote(MetricRows.NO_METRIC)),
          "Spring Boot's metrics are Micrometer's (http.server.requests, not this one), exported by its own OTLP"
              + " registry, which the comparison leaves off"),
      new Known(MetricRows.RUNTIME, "jvm\\.gc\\.duration", Map.of(STARTER, ABSENT, MICROMETER, ABSENT),
          "the starter's runtime metrics start with the Spring context, after start-up's collections: only a later"
              + " collection records one; Spring Boot's metrics are Micrometer's, left off"),
      new Known(MetricRows.RUNTIME, ".*", Map.of(MICROMETER, ABSENT),
          "Spring Boot's metrics are Micrometer's, exported by its own OTLP registry, which the comparison leaves off"),
      new Known(LogRows.SECTION, ".*", Map.of(MICROMETER, Pattern.quote(LogRows.SERVER_SPANS_IDS + ", trace flags ")),
          "Micrometer Tracing puts traceId and spanId in the MDC, and no trace flags"),
      new Known(Comparison.RESOURCE, ".*", Map.of(MICROMETER, ABSENT),
          "Spring Boot's own support describes the service by service.name alone (unknown_service unless"
              + " spring.application.name or OTEL_SERVICE_NAME names it), with no resource detectors"));

  private SpringKnownDifferences() {}
}
