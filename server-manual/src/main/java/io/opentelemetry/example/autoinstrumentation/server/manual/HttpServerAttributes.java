package io.opentelemetry.example.autoinstrumentation.server.manual;

import static io.opentelemetry.semconv.ClientAttributes.CLIENT_ADDRESS;
import static io.opentelemetry.semconv.ErrorAttributes.ERROR_TYPE;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_HEADER;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_METHOD;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_METHOD_ORIGINAL;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_RESPONSE_HEADER;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_RESPONSE_STATUS_CODE;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_ROUTE;
import static io.opentelemetry.semconv.NetworkAttributes.NETWORK_PEER_ADDRESS;
import static io.opentelemetry.semconv.NetworkAttributes.NETWORK_PEER_PORT;
import static io.opentelemetry.semconv.NetworkAttributes.NETWORK_PROTOCOL_VERSION;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_ADDRESS;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_PORT;
import static io.opentelemetry.semconv.UrlAttributes.URL_PATH;
import static io.opentelemetry.semconv.UrlAttributes.URL_QUERY;
import static io.opentelemetry.semconv.UrlAttributes.URL_SCHEME;
import static io.opentelemetry.semconv.UserAgentAttributes.USER_AGENT_ORIGINAL;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.servlet.http.HttpServletResponse;
import spark.HaltException;
import spark.Request;
import spark.Response;

/**
 * The stable HTTP server semantic conventions, applied by hand: what the agent's and the library's extractors compute,
 * written out for the one route this server has.
 */
final class HttpServerAttributes {

  /** Headers whose captured values are credentials; {@code otel.instrumentation.spark.sensitive-headers} adds more. */
  static final Set<String> DEFAULT_SENSITIVE_HEADERS = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
  static final String SPARK_DEFAULT_CONTENT_TYPE = "text/html; charset=utf-8";

  /** The methods of RFC 9110 and PATCH: any other is reported as {@code _OTHER}, unless configured otherwise. */
  static final List<String> DEFAULT_KNOWN_METHODS =
      List.of("CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE");

  private final List<String> capturedRequestHeaders;
  private final List<String> capturedResponseHeaders;
  private final Set<String> sensitiveHeaders;
  private final Set<String> knownMethods;
  private final SensitiveQueryParameters sensitiveQueryParameters;

  HttpServerAttributes(List<String> capturedRequestHeaders, List<String> capturedResponseHeaders,
      Set<String> sensitiveHeaders, Collection<String> knownMethods, SensitiveQueryParameters sensitiveQueryParameters) {
    this.capturedRequestHeaders = lowerCase(capturedRequestHeaders);
    this.capturedResponseHeaders = lowerCase(capturedResponseHeaders);
    this.sensitiveHeaders = Set.copyOf(lowerCase(sensitiveHeaders));
    this.knownMethods = Set.copyOf(knownMethods);
    this.sensitiveQueryParameters = sensitiveQueryParameters;
  }

  /**
   * Reads the header-capture, known-methods and sensitive-query-parameters settings from the agent's own keys: one
   * setting, every mode.
   */
  static HttpServerAttributes configure(ConfigProperties config) {
    Set<String> sensitive = new HashSet<>(DEFAULT_SENSITIVE_HEADERS);
    sensitive.addAll(config.getList("otel.instrumentation.spark.sensitive-headers"));
    return new HttpServerAttributes(
        config.getList("otel.instrumentation.http.server.capture-request-headers"),
        config.getList("otel.instrumentation.http.server.capture-response-headers"),
        sensitive,
        config.getList("otel.instrumentation.http.known-methods", DEFAULT_KNOWN_METHODS),
        SensitiveQueryParameters.configure(config));
  }

  /** {@code GET /server_request}; {@code HTTP /server_request} for a method this server does not know. */
  String spanName(Request request, String route) {
    return (knownMethods.contains(request.requestMethod()) ? request.requestMethod() : "HTTP") + " " + route;
  }

  Attributes onRequest(Request request, String route) {
    AttributesBuilder attributes = Attributes.builder()
        .put(URL_SCHEME, request.scheme())
        .put(URL_PATH, request.uri())
        .put(HTTP_ROUTE, route)
        .put(NETWORK_PEER_ADDRESS, request.ip())
        .put(NETWORK_PEER_PORT, request.raw().getRemotePort())
        .put(CLIENT_ADDRESS, clientAddress(request))
        .put(NETWORK_PROTOCOL_VERSION, request.protocol().substring(request.protocol().indexOf('/') + 1));
    if (knownMethods.contains(request.requestMethod())) {
      attributes.put(HTTP_REQUEST_METHOD, request.requestMethod());
    } else {
      attributes.put(HTTP_REQUEST_METHOD, "_OTHER").put(HTTP_REQUEST_METHOD_ORIGINAL, request.requestMethod());
    }
    if (request.queryString() != null) {
      attributes.put(URL_QUERY, sensitiveQueryParameters.redact(request.queryString()));
    }
    if (request.userAgent() != null) {
      attributes.put(USER_AGENT_ORIGINAL, request.userAgent());
    }
    // Spark's Jetty trusts a proxy's Forwarded host= and X-Forwarded-Host and rewrites Host from them, so Host names
    // the server as upstream's extractor reads it (ServerSpanExpectations.PROXIED_HOSTS)
    String host = request.headers("Host");
    if (host != null) {
      int colon = host.lastIndexOf(':');
      boolean hasPort = colon > host.lastIndexOf(']'); // "[::1]:8082" has a port, "[::1]" has none
      attributes.put(SERVER_ADDRESS, hasPort ? host.substring(0, colon) : host);
      String port = hasPort ? host.substring(colon + 1) : "";
      if (!port.isEmpty() && port.length() <= 5 && port.chars().allMatch(Character::isDigit)) {
        attributes.put(SERVER_PORT, Long.parseLong(port));
      }
    }
    for (String header : capturedRequestHeaders) {
      List<String> values = Collections.list(request.raw().getHeaders(header));
      if (!values.isEmpty()) {
        attributes.put(HTTP_REQUEST_HEADER.getAttributeKey(header), redact(header, values));
      }
    }
    return attributes.build();
  }

  /**
   * The response as the client will get it. The span ends in the route, before Spark answers: a route that returns
   * answers with the status it set (200 unless it set one), a {@code halt} with the halt's status, and one that throws
   * with the 500 Spark sends for an exception that no exception mapper handles. {@code failure} is null if none.
   */
  void onResponse(Span span, Response response, Throwable failure) {
    int status;
    if (failure instanceof HaltException halt) {
      status = halt.statusCode(); // an answer, not a failure
    } else if (failure != null) {
      status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
      span.recordException(failure);
    } else {
      status = response.status();
    }
    span.setAttribute(HTTP_RESPONSE_STATUS_CODE, status);
    HttpServletResponse servletResponse = response.raw();
    if (capturedResponseHeaders.contains("content-type") && servletResponse.getContentType() == null
        && !(failure instanceof Error)) {
      // Spark applies this default when it writes its answer, after the route; applying it now, as Spark will, lets the
      // captured Content-Type be the one the client receives. An Error escapes Spark: Jetty answers it, later.
      servletResponse.setContentType(SPARK_DEFAULT_CONTENT_TYPE);
    }
    for (String header : capturedResponseHeaders) {
      List<String> values = new ArrayList<>(servletResponse.getHeaders(header));
      if (!values.isEmpty()) {
        span.setAttribute(HTTP_RESPONSE_HEADER.getAttributeKey(header), redact(header, values));
      }
    }
    if (status >= 500) { // a server error; 4xx are the client's errors and leave a SERVER span unset
      span.setAttribute(ERROR_TYPE, String.valueOf(status));
      span.setStatus(StatusCode.ERROR);
    }
  }

  private List<String> redact(String header, List<String> values) {
    return sensitiveHeaders.contains(header) ? Collections.nCopies(values.size(), "REDACTED") : values;
  }

  private static List<String> lowerCase(Collection<String> names) {
    return names.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
  }

  /**
   * The client a proxy names, read as upstream's extractor reads it: {@code Forwarded}'s {@code for=} first, else the
   * first entry of {@code X-Forwarded-For}; with neither, the peer.
   */
  private static String clientAddress(Request request) {
    String forwarded = request.headers("Forwarded");
    int forIndex = forwarded == null ? -1 : forwarded.toLowerCase(Locale.ROOT).indexOf("for=");
    String address = forIndex < 0 ? null : leadingAddress(forwarded.substring(forIndex + "for=".length()));
    String forwardedFor = request.headers("X-Forwarded-For");
    if (address == null && forwardedFor != null) {
      address = leadingAddress(forwardedFor);
    }
    return address != null ? address : request.ip();
  }

  /** The address {@code value} starts with, without port, quotes or brackets: {@code "[::1]:80";…} is ::1; or null. */
  static String leadingAddress(String value) {
    String first = value.split("[,;]", 2)[0].trim();
    if (first.startsWith("\"")) {
      int quote = first.indexOf('"', 1);
      first = quote < 0 ? "" : first.substring(1, quote);
    }
    if (first.startsWith("[")) {
      int bracket = first.indexOf(']');
      return bracket > 1 ? first.substring(1, bracket) : null;
    }
    int dot = first.indexOf('.');
    int port = dot < 0 ? -1 : first.indexOf(':', dot); // a colon after a dot ends an IPv4 address; IPv6 has no dot first
    String address = port < 0 ? first : first.substring(0, port);
    return address.isEmpty() ? null : address;
  }
}
