package io.opentelemetry.example.autoinstrumentation.server.manual;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.List;
import java.util.Set;

/**
 * The query parameters whose values a span shows as {@code REDACTED}, in {@code url.query} and {@code url.full}: by
 * default the agent's list (they carry signatures and keys); {@code
 * otel.instrumentation.sanitization.url.experimental.sensitive-query-parameters}, the agent's setting, replaces it.
 */
record SensitiveQueryParameters(Set<String> names) {

  static final String KEY = "otel.instrumentation.sanitization.url.experimental.sensitive-query-parameters";
  static final List<String> DEFAULT = List.of("AWSAccessKeyId", "Signature", "sig", "X-Goog-Signature",
      "X-Amz-Signature", "X-Amz-Credential", "X-Amz-Security-Token");

  static SensitiveQueryParameters configure(ConfigProperties config) {
    return new SensitiveQueryParameters(Set.copyOf(config.getList(KEY, DEFAULT)));
  }

  /** {@code param=x&sig=secret} becomes {@code param=x&sig=REDACTED}. */
  String redact(String query) {
    StringBuilder redacted = new StringBuilder(query.length());
    for (String pair : query.split("&", -1)) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      if (redacted.length() > 0) {
        redacted.append('&');
      }
      redacted.append(equals >= 0 && names.contains(name) ? name + "=REDACTED" : pair);
    }
    return redacted.toString();
  }
}
