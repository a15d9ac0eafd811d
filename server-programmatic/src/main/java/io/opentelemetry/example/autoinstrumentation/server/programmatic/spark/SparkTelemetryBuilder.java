package io.opentelemetry.example.autoinstrumentation.server.programmatic.spark;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.instrumentation.api.incubator.semconv.http.HttpExperimentalAttributesExtractor;
import io.opentelemetry.instrumentation.api.incubator.semconv.http.HttpServerExperimentalMetrics;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.instrumenter.InstrumenterBuilder;
import io.opentelemetry.instrumentation.api.internal.Experimental;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerMetrics;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRoute;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanNameExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanStatusExtractor;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.semconv.SchemaUrls;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** A builder of {@link SparkTelemetry}. */
public final class SparkTelemetryBuilder {

  /**
   * The instrumentation scope's name. Its version comes, as in upstream's libraries, from
   * {@code META-INF/io/opentelemetry/instrumentation/<name>.properties}, which the build writes.
   */
  static final String INSTRUMENTATION_NAME = "io.opentelemetry.example.spark-2.9";

  /** The agent's own keys, so one setting configures every mode. */
  static final String CAPTURE_REQUEST_HEADERS = "otel.instrumentation.http.server.capture-request-headers";
  static final String CAPTURE_RESPONSE_HEADERS = "otel.instrumentation.http.server.capture-response-headers";
  static final String KNOWN_METHODS = "otel.instrumentation.http.known-methods";
  static final String EMIT_EXPERIMENTAL_TELEMETRY = "otel.instrumentation.http.server.emit-experimental-telemetry";
  static final String SENSITIVE_QUERY_PARAMETERS =
      "otel.instrumentation.sanitization.url.experimental.sensitive-query-parameters";
  /** This library's keys: the agent has neither setting. */
  static final String EXCLUDED_URLS = "otel.instrumentation.spark.excluded-urls";
  static final String SENSITIVE_HEADERS = "otel.instrumentation.spark.sensitive-headers";

  /** Headers whose captured values are credentials. */
  public static final Set<String> DEFAULT_SENSITIVE_HEADERS =
      Set.of("Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie");

  private final OpenTelemetry openTelemetry;
  private final List<AttributesExtractor<HttpServletRequest, HttpServletResponse>> extractors = new ArrayList<>();
  private List<String> capturedRequestHeaders = List.of();
  private List<String> capturedResponseHeaders = List.of();
  private Set<String> knownMethods;
  private boolean emitExperimentalTelemetry;
  private Set<String> sensitiveQueryParameters; // null: upstream's list (AWSAccessKeyId, Signature, sig, X-Goog-Signature)
  private final Set<String> sensitiveHeaders = new HashSet<>(); // lower case
  private final List<Pattern> excludedUrls = new ArrayList<>();

  SparkTelemetryBuilder(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
    addSensitiveHeaders(DEFAULT_SENSITIVE_HEADERS);
  }

  /** Adds an extractor of extra span attributes. */
  public SparkTelemetryBuilder addAttributesExtractor(
      AttributesExtractor<HttpServletRequest, HttpServletResponse> extractor) {
    extractors.add(extractor);
    return this;
  }

  /** Captures these request headers as {@code http.request.header.<lowercase name>} span attributes. */
  public SparkTelemetryBuilder setCapturedRequestHeaders(Collection<String> requestHeaders) {
    this.capturedRequestHeaders = List.copyOf(requestHeaders);
    return this;
  }

  /** Captures these response headers as {@code http.response.header.<lowercase name>} span attributes. */
  public SparkTelemetryBuilder setCapturedResponseHeaders(Collection<String> responseHeaders) {
    this.capturedResponseHeaders = List.copyOf(responseHeaders);
    return this;
  }

  /** Names the HTTP methods this server knows; any other is reported as {@code _OTHER}. */
  public SparkTelemetryBuilder setKnownMethods(Collection<String> knownMethods) {
    this.knownMethods = Set.copyOf(knownMethods);
    return this;
  }

  /**
   * Adds the experimental HTTP telemetry, as the agent does when told to: the request and response body sizes on the
   * span, and the {@code http.server.active_requests} and body-size metrics.
   */
  public SparkTelemetryBuilder setEmitExperimentalHttpServerTelemetry(boolean emitExperimentalTelemetry) {
    this.emitExperimentalTelemetry = emitExperimentalTelemetry;
    return this;
  }

  /**
   * Names the query parameters whose values {@code url.query} shows as {@code REDACTED}, instead of upstream's list
   * (AWSAccessKeyId, Signature, sig, X-Goog-Signature), as the agent's setting of the same name does.
   */
  public SparkTelemetryBuilder setSensitiveQueryParameters(Collection<String> sensitiveQueryParameters) {
    this.sensitiveQueryParameters = Set.copyOf(sensitiveQueryParameters);
    return this;
  }

  /**
   * Adds headers whose values a captured-header attribute shows as {@code REDACTED}, besides Authorization,
   * Proxy-Authorization, Cookie and Set-Cookie.
   */
  public SparkTelemetryBuilder addSensitiveHeaders(Collection<String> headers) {
    headers.forEach(header -> sensitiveHeaders.add(header.toLowerCase(Locale.ROOT)));
    return this;
  }

  /**
   * Traces no request whose path (without the query) matches one of these regular expressions in full: {@code
   * /server_request} excludes that path only, {@code /health.*} a prefix.
   */
  public SparkTelemetryBuilder setExcludedUrls(Collection<String> excludedUrls) {
    this.excludedUrls.clear();
    excludedUrls.forEach(regex -> this.excludedUrls.add(Pattern.compile(regex)));
    return this;
  }

  /**
   * Applies the settings that {@code OTEL_*} variables and {@code otel.*} properties give: the agent's header-capture,
   * known-methods, experimental-telemetry and sensitive-query-parameters keys, and this library's {@code otel.instrumentation.spark.excluded-urls} and {@code
   * otel.instrumentation.spark.sensitive-headers} (comma-separated).
   */
  public SparkTelemetryBuilder configure(ConfigProperties config) {
    setCapturedRequestHeaders(config.getList(CAPTURE_REQUEST_HEADERS, capturedRequestHeaders));
    setCapturedResponseHeaders(config.getList(CAPTURE_RESPONSE_HEADERS, capturedResponseHeaders));
    List<String> methods = config.getList(KNOWN_METHODS);
    if (!methods.isEmpty()) {
      setKnownMethods(methods);
    }
    setEmitExperimentalHttpServerTelemetry(config.getBoolean(EMIT_EXPERIMENTAL_TELEMETRY, emitExperimentalTelemetry));
    List<String> sensitiveQuery = config.getList(SENSITIVE_QUERY_PARAMETERS);
    if (!sensitiveQuery.isEmpty()) {
      setSensitiveQueryParameters(sensitiveQuery);
    }
    addSensitiveHeaders(config.getList(SENSITIVE_HEADERS));
    List<String> excluded = config.getList(EXCLUDED_URLS);
    if (!excluded.isEmpty()) {
      setExcludedUrls(excluded);
    }
    return this;
  }

  /** Returns a new {@link SparkTelemetry} with the settings of this builder. */
  public SparkTelemetry build() {
    SparkHttpAttributesGetter getter = new SparkHttpAttributesGetter(Set.copyOf(sensitiveHeaders));
    var httpAttributes = HttpServerAttributesExtractor.builder(getter)
        .setCapturedRequestHeaders(capturedRequestHeaders)
        .setCapturedResponseHeaders(capturedResponseHeaders);
    var spanName = HttpSpanNameExtractor.builder(getter);
    var route = HttpServerRoute.builder(getter);
    if (knownMethods != null) {
      httpAttributes.setKnownMethods(knownMethods);
      spanName.setKnownMethods(knownMethods);
      route.setKnownMethods(knownMethods);
    }
    if (sensitiveQueryParameters != null) {
      // The extractor's public builder has no setter for it; upstream's own library builders call this same hook.
      Experimental.setSensitiveQueryParameters(httpAttributes, sensitiveQueryParameters);
    }
    InstrumenterBuilder<HttpServletRequest, HttpServletResponse> instrumenter =
        Instrumenter.<HttpServletRequest, HttpServletResponse>builder(
                openTelemetry, INSTRUMENTATION_NAME, spanName.build())
            .setSchemaUrl(SchemaUrls.V1_41_0) // the semantic conventions this library's attributes follow
            .setSpanStatusExtractor(HttpSpanStatusExtractor.create(getter))
            .addAttributesExtractor(httpAttributes.build())
            .addAttributesExtractors(extractors)
            .addContextCustomizer(route.build());
    if (emitExperimentalTelemetry) {
      instrumenter.addAttributesExtractor(HttpExperimentalAttributesExtractor.create(getter));
    }
    if (readsMetrics()) {
      instrumenter.addOperationMetrics(HttpServerMetrics.get());
      if (emitExperimentalTelemetry) {
        instrumenter.addOperationMetrics(HttpServerExperimentalMetrics.get());
      }
    }
    return new SparkTelemetry(
        instrumenter.buildServerInstrumenter(HttpServletRequestGetter.INSTANCE),
        new ExcludedUrls(excludedUrls, openTelemetry.getPropagators().getTextMapPropagator()));
  }

  /**
   * Whether anything reads this library's metrics. With no metric reader ({@code OTEL_METRICS_EXPORTER=none}, the
   * shared default) the SDK hands out the API's no-op meter: the request-duration metric would then still merge every
   * request's attributes, only to record them nowhere, which was a fifth of this library's own CPU per request.
   */
  private boolean readsMetrics() {
    Meter meter = openTelemetry.getMeterProvider().get(INSTRUMENTATION_NAME);
    return meter.getClass() != MeterProvider.noop().get(INSTRUMENTATION_NAME).getClass();
  }
}
