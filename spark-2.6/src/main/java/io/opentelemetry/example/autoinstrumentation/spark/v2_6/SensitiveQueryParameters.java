package io.opentelemetry.example.autoinstrumentation.spark.v2_6;

import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;
import io.opentelemetry.semconv.UrlAttributes;
import java.util.Set;
import javax.annotation.Nullable;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code url.query} with the values of the named parameters shown as {@code REDACTED}, in place of the one the HTTP
 * extractor wrote with upstream's default list: the list replaces upstream's, as the agent's
 * {@code otel.instrumentation.sanitization.url.experimental.sensitive-query-parameters} does. Upstream's extractor
 * takes another list only through an internal hook; this extractor runs after it and writes the key again.
 */
final class SensitiveQueryParameters implements AttributesExtractor<HttpServletRequest, HttpServletResponse> {

  private final Set<String> names;

  SensitiveQueryParameters(Set<String> names) {
    this.names = names;
  }

  @Override
  public void onStart(AttributesBuilder attributes, Context parentContext, HttpServletRequest request) {
    String query = request.getQueryString();
    if (query != null) {
      attributes.put(UrlAttributes.URL_QUERY, redact(query));
    }
  }

  @Override
  public void onEnd(
      AttributesBuilder attributes,
      Context context,
      HttpServletRequest request,
      @Nullable HttpServletResponse response,
      @Nullable Throwable error) {}

  /** {@code query}, each {@code name=value} pair whose name is sensitive as {@code name=REDACTED}. */
  String redact(String query) {
    StringBuilder redacted = new StringBuilder(query.length());
    int start = 0;
    while (true) {
      int end = query.indexOf('&', start);
      String pair = end < 0 ? query.substring(start) : query.substring(start, end);
      int equals = pair.indexOf('=');
      if (equals >= 0 && names.contains(pair.substring(0, equals))) {
        redacted.append(pair, 0, equals + 1).append(CapturedHeaders.REDACTED);
      } else {
        redacted.append(pair);
      }
      if (end < 0) {
        return redacted.toString();
      }
      redacted.append('&');
      start = end + 1;
    }
  }
}
