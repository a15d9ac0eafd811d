package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One request the comparison sends to every mode. Each has its own path or query, so its server span can be told apart
 * from the others in a server's output. Most go to each mode's server; the failures go to its failing-routes app, the
 * same instrumentation in front of routes that fail as real ones do. Most make one span; {@link #REAL_HANDLER} makes a
 * trace of several, each compared in its own section ({@link TreeSpan}).
 */
enum Scenario {
  PYTHON_EXAMPLE("the Python example's request, through the real client", "/server_request?param=testing",
      Map.of(), App.SERVER, true),
  NOT_FOUND("an unmatched path (404)", "/no_such_route", Map.of(), App.SERVER, false),
  HEADERS("captured request and response headers",
      "/server_request?param=headers",
      Map.of("User-Agent", List.of("compare/1.0"), "X-Custom", List.of("one", "two"),
          "Authorization", List.of("Bearer compare-secret")),
      App.SERVER, false),
  MALFORMED_TRACEPARENT("a malformed traceparent", "/server_request?param=malformed",
      Map.of("traceparent", List.of("00-not-a-trace-01")), App.SERVER, false),
  TRACESTATE("a valid traceparent with a tracestate", "/server_request?param=tracestate",
      Map.of("traceparent", List.of(Scenario.REMOTE_TRACEPARENT), "tracestate", List.of("vendor=value")),
      App.SERVER, false),
  // Every query parameter the agent redacts by default, each with a value of its own: a mode whose list drifts shows it.
  SENSITIVE_QUERY("the query parameters the agent redacts by default", "/server_request?param=signed"
      + "&AWSAccessKeyId=AKIAEXAMPLE&Signature=s1&sig=s2&X-Goog-Signature=s3"
      + "&X-Amz-Signature=s4&X-Amz-Credential=c5&X-Amz-Security-Token=t6", Map.of(), App.SERVER, false),
  BEHIND_A_PROXY("a request through a proxy that names the client, the host and the scheme",
      "/server_request?param=proxied",
      Map.of("X-Forwarded-For", List.of("198.51.100.9:4711, 10.0.0.1"), "X-Forwarded-Host", List.of("shop.example.com:8443"),
          "X-Forwarded-Proto", List.of("https")),
      App.SERVER, false),
  EXCEPTION("a route that throws an Exception", "/fail/exception", Map.of(), App.FAILING_ROUTES, false),
  ERROR("a route that throws an Error, which Spark does not catch", "/fail/error", Map.of(), App.FAILING_ROUTES, false),
  HALT("a route that calls halt(401)", "/fail/halt", Map.of(), App.FAILING_ROUTES, false),
  UNAVAILABLE("a route that answers 503", "/fail/unavailable", Map.of(), App.FAILING_ROUTES, false),
  METHOD_OVERRIDE("a GET that X-HTTP-Method-Override routes to a POST route", "/orders",
      Map.of("X-HTTP-Method-Override", List.of("POST")), App.FAILING_ROUTES, false),
  // Its own parameter: the nested /server_request?param=hello must not be taken for PYTHON_EXAMPLE's span.
  REAL_HANDLER("the real handler's trace, through the real client",
      "/real_handler?param=hello", Map.of(), App.SERVER, true);

  /** Which of a mode's programs answers the scenario. */
  enum App {
    /** The mode's server, {@code make run-<mode>}. */
    SERVER,
    /** The same instrumentation in front of the routes of {@code FailingRoutes}. */
    FAILING_ROUTES
  }

  static final String REMOTE_TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  static final String REMOTE_SPAN_ID = "b7ad6b7169203331";
  static final String REMOTE_TRACEPARENT = "00-" + REMOTE_TRACE_ID + "-" + REMOTE_SPAN_ID + "-01";

  /** What every server is started with, so that the HEADERS scenario has headers to capture. */
  static final Map<String, String> SERVER_ENVIRONMENT = Map.of(
      "OTEL_INSTRUMENTATION_HTTP_SERVER_CAPTURE_REQUEST_HEADERS", "User-Agent,X-Custom,Authorization",
      "OTEL_INSTRUMENTATION_HTTP_SERVER_CAPTURE_RESPONSE_HEADERS", "Content-Type");

  final String description;
  final String pathAndQuery;
  final Map<String, List<String>> headers;
  final App app;
  final boolean throughClient;

  Scenario(String description, String pathAndQuery, Map<String, List<String>> headers, App app, boolean throughClient) {
    this.description = description;
    this.pathAndQuery = pathAndQuery;
    this.headers = headers;
    this.app = app;
    this.throughClient = throughClient;
  }

  /** The path the real client calls, which appends {@code ?param=}{@link #param()} itself. */
  String path() {
    return pathAndQuery.split("\\?", 2)[0];
  }

  /** The request as reports name it: its path and {@code param}, and an ellipsis for any other query parameter. */
  String label() {
    String label = param().isEmpty() ? path() : path() + "?param=" + param();
    return pathAndQuery.length() > label.length() ? label + "&…" : label;
  }

  /** The value of {@code param} in the query, which the real client is given as its argument. */
  String param() {
    return LogRows.parameter(pathAndQuery);
  }

  /** How many requests the server answers for this scenario: the real handler calls /server_request itself. */
  int requests() {
    return isTree() ? 2 : 1;
  }

  /** Whether the scenario makes a trace of several spans, each compared in its own section, not one server span. */
  boolean isTree() {
    return this == REAL_HANDLER;
  }

  /** The sections of the comparison this scenario fills: its name, or one per span of its trace. */
  List<String> sections() {
    return isTree() ? Arrays.stream(TreeSpan.values()).map(TreeSpan::section).toList() : List.of(name());
  }

  /** The scenarios that {@code app} answers. */
  static Set<Scenario> ofApp(App app) {
    Set<Scenario> scenarios = EnumSet.noneOf(Scenario.class);
    Arrays.stream(values()).filter(scenario -> scenario.app == app).forEach(scenarios::add);
    return scenarios;
  }

  /**
   * The scenario whose request this server span answered, by its path and its {@code param}: the rest of the query is
   * what the comparison compares, redacted or not.
   */
  static Scenario of(String path, String query) {
    String param = query == null ? "" : LogRows.parameter("?" + query);
    for (Scenario scenario : values()) {
      if (scenario.path().equals(path) && scenario.param().equals(param)) {
        return scenario;
      }
    }
    return null;
  }
}
