package io.opentelemetry.example.autoinstrumentation.spark.v2_6;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.api.incubator.semconv.http.HttpExperimentalAttributesExtractor;
import io.opentelemetry.instrumentation.api.incubator.semconv.http.HttpServerExperimentalMetrics;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.instrumenter.InstrumenterBuilder;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesExtractorBuilder;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerMetrics;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRoute;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRouteBuilder;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanNameExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanNameExtractorBuilder;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanStatusExtractor;
import io.opentelemetry.semconv.SchemaUrls;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
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
  static final String INSTRUMENTATION_NAME = "io.opentelemetry.example.spark-2.6";

  /** Headers whose captured values are credentials, redacted whatever else is declared sensitive. */
  static final List<String> DEFAULT_SENSITIVE_HEADERS =
      Collections.unmodifiableList(Arrays.asList("Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie"));

  private final OpenTelemetry openTelemetry;
  private final List<AttributesExtractor<HttpServletRequest, HttpServletResponse>> extractors = new ArrayList<>();
  private List<String> capturedRequestHeaders = Collections.emptyList();
  private List<String> capturedResponseHeaders = Collections.emptyList();
  private Set<String> knownMethods; // null: upstream's (the RFC 9110 methods and PATCH)
  private boolean emitExperimentalTelemetry;
  private Set<String> sensitiveQueryParameters; // null: upstream's default list
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
    this.capturedRequestHeaders = new ArrayList<>(requestHeaders);
    return this;
  }

  /** Captures these response headers as {@code http.response.header.<lowercase name>} span attributes. */
  public SparkTelemetryBuilder setCapturedResponseHeaders(Collection<String> responseHeaders) {
    this.capturedResponseHeaders = new ArrayList<>(responseHeaders);
    return this;
  }

  /** Names the HTTP methods this server knows; any other is reported as {@code _OTHER}. */
  public SparkTelemetryBuilder setKnownMethods(Collection<String> knownMethods) {
    this.knownMethods = new HashSet<>(knownMethods);
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
   * (at 2.31.1: AWSAccessKeyId, Signature, sig, X-Goog-Signature, X-Amz-Signature, X-Amz-Credential,
   * X-Amz-Security-Token), as the agent's setting of the same name does.
   */
  public SparkTelemetryBuilder setSensitiveQueryParameters(Collection<String> sensitiveQueryParameters) {
    this.sensitiveQueryParameters = new HashSet<>(sensitiveQueryParameters);
    return this;
  }

  /**
   * Adds headers whose values a captured-header attribute shows as {@code REDACTED}, besides Authorization,
   * Proxy-Authorization, Cookie and Set-Cookie.
   */
  public SparkTelemetryBuilder addSensitiveHeaders(Collection<String> headers) {
    for (String header : headers) {
      sensitiveHeaders.add(header.toLowerCase(Locale.ROOT));
    }
    return this;
  }

  /**
   * Traces no request whose path (without the query) matches one of these regular expressions in full: {@code
   * /server_request} excludes that path only, {@code /health.*} a prefix.
   */
  public SparkTelemetryBuilder setExcludedUrls(Collection<String> excludedUrls) {
    this.excludedUrls.clear();
    for (String regex : excludedUrls) {
      this.excludedUrls.add(Pattern.compile(regex));
    }
    return this;
  }

  /** Returns a new {@link SparkTelemetry} with the settings of this builder. */
  public SparkTelemetry build() {
    SparkHttpAttributesGetter getter = new SparkHttpAttributesGetter();
    HttpServerAttributesExtractorBuilder<HttpServletRequest, HttpServletResponse> httpAttributes =
        HttpServerAttributesExtractor.builder(getter);
    HttpSpanNameExtractorBuilder<HttpServletRequest> spanName = HttpSpanNameExtractor.builder(getter);
    HttpServerRouteBuilder<HttpServletRequest> route = HttpServerRoute.builder(getter);
    if (knownMethods != null) {
      httpAttributes.setKnownMethods(knownMethods);
      spanName.setKnownMethods(knownMethods);
      route.setKnownMethods(knownMethods);
    }
    InstrumenterBuilder<HttpServletRequest, HttpServletResponse> instrumenter =
        Instrumenter.<HttpServletRequest, HttpServletResponse>builder(
                openTelemetry, INSTRUMENTATION_NAME, spanName.build())
            .setSchemaUrl(SchemaUrls.V1_41_0) // the semantic conventions this library's attributes follow
            .setSpanStatusExtractor(HttpSpanStatusExtractor.create(getter))
            .addAttributesExtractor(httpAttributes.build())
            .addContextCustomizer(route.build())
            .addOperationMetrics(HttpServerMetrics.get());
    if (!capturedRequestHeaders.isEmpty() || !capturedResponseHeaders.isEmpty()) {
      instrumenter.addAttributesExtractor(
          new CapturedHeaders(capturedRequestHeaders, capturedResponseHeaders, new HashSet<>(sensitiveHeaders)));
    }
    if (sensitiveQueryParameters != null) { // after the HTTP extractor, whose url.query it replaces
      instrumenter.addAttributesExtractor(new SensitiveQueryParameters(sensitiveQueryParameters));
    }
    if (emitExperimentalTelemetry) {
      instrumenter
          .addAttributesExtractor(HttpExperimentalAttributesExtractor.create(getter))
          .addOperationMetrics(HttpServerExperimentalMetrics.get());
    }
    instrumenter.addAttributesExtractors(extractors);
    return new SparkTelemetry(
        instrumenter.buildServerInstrumenter(HttpServletRequestGetter.INSTANCE),
        new ExcludedUrls(excludedUrls, openTelemetry.getPropagators().getTextMapPropagator()));
  }
}
