package io.opentelemetry.example.autoinstrumentation.common;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * The headers whose captured values the SDK modes write as {@code REDACTED}: credentials, and those the setting adds. The
 * agent has no such setting; this repository's key is read by both SDK modes here, and by agent-extension, which the
 * agent loads apart from the application and so keeps its own copy.
 */
public final class CredentialHeaders {

  /** Headers to redact besides {@link #DEFAULT}, comma-separated: {@code OTEL_INSTRUMENTATION_SPARK_SENSITIVE_HEADERS}. */
  public static final String SETTING = "otel.instrumentation.spark.sensitive-headers";
  public static final List<String> DEFAULT = List.of("Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie");

  /** {@link #DEFAULT} and the headers {@code config} adds. */
  public static List<String> configured(ConfigProperties config) {
    List<String> headers = new ArrayList<>(DEFAULT);
    headers.addAll(config.getList(SETTING));
    return headers;
  }

  private CredentialHeaders() {}
}
