package io.opentelemetry.example.autoinstrumentation.spark.v2_6;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;
import io.opentelemetry.semconv.HttpAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import javax.annotation.Nullable;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The request and response headers captured as {@code http.request.header.<name>} and {@code
 * http.response.header.<name>}, as the agent captures them, except that the value of a sensitive header is shown as
 * {@code REDACTED}. Redacting here, and not in the getter that every extractor reads, leaves {@code server.address},
 * {@code user_agent.original} and {@code client.address} as the request gave them whatever is declared sensitive.
 */
final class CapturedHeaders implements AttributesExtractor<HttpServletRequest, HttpServletResponse> {

  static final String REDACTED = "REDACTED";

  private final List<Header> requestHeaders;
  private final List<Header> responseHeaders;

  CapturedHeaders(Collection<String> requestHeaders, Collection<String> responseHeaders, Set<String> sensitive) {
    this.requestHeaders = headers(requestHeaders, HttpAttributes.HTTP_REQUEST_HEADER::getAttributeKey, sensitive);
    this.responseHeaders = headers(responseHeaders, HttpAttributes.HTTP_RESPONSE_HEADER::getAttributeKey, sensitive);
  }

  @Override
  public void onStart(AttributesBuilder attributes, Context parentContext, HttpServletRequest request) {
    for (Header header : requestHeaders) {
      Enumeration<String> values = request.getHeaders(header.name);
      if (values != null && values.hasMoreElements()) {
        attributes.put(header.key, header.shown(Collections.list(values)));
      }
    }
  }

  @Override
  public void onEnd(
      AttributesBuilder attributes,
      Context context,
      HttpServletRequest request,
      @Nullable HttpServletResponse response,
      @Nullable Throwable error) {
    if (response == null) {
      return;
    }
    for (Header header : responseHeaders) {
      Collection<String> values = response.getHeaders(header.name);
      if (values != null && !values.isEmpty()) {
        attributes.put(header.key, header.shown(new ArrayList<>(values)));
      }
    }
  }

  private static List<Header> headers(
      Collection<String> names, Function<String, AttributeKey<List<String>>> keys, Set<String> sensitive) {
    List<Header> headers = new ArrayList<>();
    for (String name : names) {
      String lowerCase = name.toLowerCase(Locale.ROOT);
      headers.add(new Header(lowerCase, keys.apply(lowerCase), sensitive.contains(lowerCase)));
    }
    return headers;
  }

  /** One captured header: its name, its attribute's key, and whether its values are hidden. */
  private static final class Header {
    final String name;
    final AttributeKey<List<String>> key;
    final boolean sensitive;

    Header(String name, AttributeKey<List<String>> key, boolean sensitive) {
      this.name = name;
      this.key = key;
      this.sensitive = sensitive;
    }

    List<String> shown(List<String> values) {
      return sensitive ? Collections.nCopies(values.size(), REDACTED) : values;
    }
  }
}
