package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import static io.opentelemetry.semconv.UrlAttributes.URL_FULL;
import static io.opentelemetry.semconv.UrlAttributes.URL_PATH;
import static io.opentelemetry.semconv.UrlAttributes.URL_QUERY;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import java.util.List;
import java.util.Map;

/**
 * Which request a span answered or made, as the comparison tells the spans of its requests apart: by OpenTelemetry's
 * {@code url.*} keys; where a span has none, by Micrometer's {@code http.url} (Spring Boot's own conventions: the path
 * on a server span, the whole URL on a client span); and for a server span that names no query, by the parameter in the
 * route's log line that carries the span's id.
 *
 * @param loggedParams the {@code param} of each route log line, by the span id the line carries
 */
record Targets(Map<String, String> loggedParams) {

  /** Micrometer's key for the request's URL, in its default HTTP conventions. */
  static final String MICROMETER_URL = "http.url";
  /** What the spans say alone, with no log lines to go by. */
  static final Targets OF_SPANS = new Targets(Map.of());

  /** With the route log lines among {@code stdout}. */
  static Targets withLogs(List<String> stdout) {
    return new Targets(LogRows.paramsBySpanId(stdout));
  }

  /** The path of the request, or null. */
  String path(ExportedSpan span) {
    Object path = span.attribute(URL_PATH);
    if (path != null) {
      return path.toString();
    }
    String url = micrometerUrl(span);
    if (url == null) {
      return null;
    }
    String withoutQuery = url.split("\\?", 2)[0];
    int host = withoutQuery.indexOf("://");
    return host < 0 ? withoutQuery : withoutQuery.substring(withoutQuery.indexOf('/', host + 3));
  }

  /** The query of the request, or null. */
  String query(ExportedSpan span) {
    Object query = span.attribute(URL_QUERY);
    if (query != null) {
      return query.toString();
    }
    String url = micrometerUrl(span);
    if (url != null && url.contains("?")) {
      return url.substring(url.indexOf('?') + 1);
    }
    String logged = loggedParams.get(span.spanId());
    return logged == null ? null : "param=" + logged;
  }

  /** The whole URL a client span called, or null. */
  String url(ExportedSpan span) {
    Object url = span.attribute(URL_FULL);
    return url != null ? url.toString() : micrometerUrl(span);
  }

  private static String micrometerUrl(ExportedSpan span) {
    Object url = span.attribute(MICROMETER_URL);
    return url == null ? null : url.toString();
  }
}
