package io.opentelemetry.example.autoinstrumentation.client.compare;

import java.util.List;
import java.util.Map;

/**
 * One request the comparison sends to every mode. Each has its own path or query, so its server span can be told apart
 * from the others in a server's output.
 */
enum Scenario {
  SEED("the seed's request, through the real client", "/server_request?param=testing", Map.of(), true),
  NOT_FOUND("an unmatched path (404)", "/no_such_route", Map.of(), false),
  HEADERS("captured request and response headers",
      "/server_request?param=headers",
      Map.of("User-Agent", List.of("compare/1.0"), "X-Custom", List.of("one", "two"),
          "Authorization", List.of("Bearer compare-secret")),
      false),
  MALFORMED_TRACEPARENT("a malformed traceparent", "/server_request?param=malformed",
      Map.of("traceparent", List.of("00-not-a-trace-01")), false),
  TRACESTATE("a valid traceparent with a tracestate", "/server_request?param=tracestate",
      Map.of("traceparent", List.of(Scenario.REMOTE_TRACEPARENT), "tracestate", List.of("vendor=value")), false),
  SENSITIVE_QUERY("a sensitive query parameter", "/server_request?param=x&sig=secret", Map.of(), false);

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
  final boolean throughClient;

  Scenario(String description, String pathAndQuery, Map<String, List<String>> headers, boolean throughClient) {
    this.description = description;
    this.pathAndQuery = pathAndQuery;
    this.headers = headers;
    this.throughClient = throughClient;
  }

  /** The scenario whose request this server span answered, by its path and query. */
  static Scenario of(String path, String query) {
    String pathAndQuery = query == null ? path : path + "?" + query;
    for (Scenario scenario : values()) {
      // the span shows sig's value redacted, so compare the query up to it
      String expected = scenario.pathAndQuery.replace("sig=secret", "sig=REDACTED");
      if (expected.equals(pathAndQuery)) {
        return scenario;
      }
    }
    return null;
  }
}
