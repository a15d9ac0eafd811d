package io.opentelemetry.example.autoinstrumentation.spark.v2_6;

import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesGetter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import javax.annotation.Nullable;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Reads the HTTP semantic-convention values from the request and response Jetty serves. Header values are returned as
 * they are: the extractors parse {@code Host}, {@code User-Agent} and the proxy headers from them; only what is captured
 * as an attribute is redacted, by {@link CapturedHeaders}.
 */
final class SparkHttpAttributesGetter
    implements HttpServerAttributesGetter<HttpServletRequest, HttpServletResponse> {

  private static final String HTTP_1_1 = "HTTP/1.1";
  private static final String HTTP_1_0 = "HTTP/1.0";

  @Override
  public String getHttpRequestMethod(HttpServletRequest request) {
    return request.getMethod();
  }

  @Override
  public String getUrlScheme(HttpServletRequest request) {
    return request.getScheme();
  }

  @Override
  public String getUrlPath(HttpServletRequest request) {
    return request.getRequestURI();
  }

  @Nullable
  @Override
  public String getUrlQuery(HttpServletRequest request) {
    return request.getQueryString();
  }

  @Override
  public List<String> getHttpRequestHeader(HttpServletRequest request, String name) {
    // The extractors ask for about ten headers a request (forwarded, x-forwarded-for, host, user-agent, ...), and most
    // are absent: finding that out allocates nothing, where listing the values allocates an enumeration and a list.
    if (request.getHeader(name) == null) {
      return Collections.emptyList();
    }
    Enumeration<String> values = request.getHeaders(name);
    String first = values.nextElement();
    if (!values.hasMoreElements()) {
      return Collections.singletonList(first); // one value, the common case: one small object
    }
    List<String> all = new ArrayList<>();
    all.add(first);
    while (values.hasMoreElements()) {
      all.add(values.nextElement());
    }
    return all;
  }

  @Override
  public Integer getHttpResponseStatusCode(
      HttpServletRequest request, HttpServletResponse response, @Nullable Throwable error) {
    // A Throwable that escapes Spark (an Error) reaches Jetty, which answers 500 after the span ends; upstream's
    // servlet instrumentation reports the 500 the same way.
    return error != null && !response.isCommitted() ? 500 : response.getStatus();
  }

  @Override
  public List<String> getHttpResponseHeader(
      HttpServletRequest request, HttpServletResponse response, String name) {
    return new ArrayList<>(response.getHeaders(name));
  }

  @Nullable
  @Override
  public String getNetworkProtocolName(HttpServletRequest request, @Nullable HttpServletResponse response) {
    String protocol = request.getProtocol(); // "HTTP/1.1"
    if (HTTP_1_1.equals(protocol) || HTTP_1_0.equals(protocol)) {
      return "http"; // the common cases, without new strings per request
    }
    int slash = protocol == null ? -1 : protocol.indexOf('/');
    return slash < 0 ? null : protocol.substring(0, slash).toLowerCase(Locale.ROOT);
  }

  @Nullable
  @Override
  public String getNetworkProtocolVersion(
      HttpServletRequest request, @Nullable HttpServletResponse response) {
    String protocol = request.getProtocol();
    if (HTTP_1_1.equals(protocol)) {
      return "1.1";
    }
    if (HTTP_1_0.equals(protocol)) {
      return "1.0";
    }
    int slash = protocol == null ? -1 : protocol.indexOf('/');
    return slash < 0 ? null : protocol.substring(slash + 1);
  }

  @Nullable
  @Override
  public String getNetworkPeerAddress(HttpServletRequest request, @Nullable HttpServletResponse response) {
    return request.getRemoteAddr();
  }

  @Override
  public Integer getNetworkPeerPort(HttpServletRequest request, @Nullable HttpServletResponse response) {
    return request.getRemotePort();
  }
}
