package io.opentelemetry.example.autoinstrumentation.server.programmatic.spark;

import io.opentelemetry.api.OpenTelemetry;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** A builder of {@link SparkTelemetry}. */
public final class SparkTelemetryBuilder {

  static final String INSTRUMENTATION_NAME = "io.opentelemetry.example.spark-2.9";

  private final OpenTelemetry openTelemetry;
  private final SparkHttpAttributesGetter getter = new SparkHttpAttributesGetter();
  private final HttpServerAttributesExtractorBuilder<HttpServletRequest, HttpServletResponse> httpAttributes =
      HttpServerAttributesExtractor.builder(getter);
  private final HttpSpanNameExtractorBuilder<HttpServletRequest> spanName = HttpSpanNameExtractor.builder(getter);
  private final HttpServerRouteBuilder<HttpServletRequest> route = HttpServerRoute.builder(getter);
  private final List<AttributesExtractor<HttpServletRequest, HttpServletResponse>> extractors = new ArrayList<>();
  private final List<Pattern> excludedUrls = new ArrayList<>();

  SparkTelemetryBuilder(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
  }

  /** Adds an extractor of extra span attributes. */
  public SparkTelemetryBuilder addAttributesExtractor(
      AttributesExtractor<HttpServletRequest, HttpServletResponse> extractor) {
    extractors.add(extractor);
    return this;
  }

  /** Captures these request headers as {@code http.request.header.<lowercase name>} span attributes. */
  public SparkTelemetryBuilder setCapturedRequestHeaders(Collection<String> requestHeaders) {
    httpAttributes.setCapturedRequestHeaders(requestHeaders);
    return this;
  }

  /** Captures these response headers as {@code http.response.header.<lowercase name>} span attributes. */
  public SparkTelemetryBuilder setCapturedResponseHeaders(Collection<String> responseHeaders) {
    httpAttributes.setCapturedResponseHeaders(responseHeaders);
    return this;
  }

  /** Names the HTTP methods this server knows; any other is reported as {@code _OTHER}. */
  public SparkTelemetryBuilder setKnownMethods(Collection<String> knownMethods) {
    httpAttributes.setKnownMethods(knownMethods);
    spanName.setKnownMethods(knownMethods);
    route.setKnownMethods(knownMethods);
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

  /** Returns a new {@link SparkTelemetry} with the settings of this builder. */
  public SparkTelemetry build() {
    InstrumenterBuilder<HttpServletRequest, HttpServletResponse> builder =
        Instrumenter.<HttpServletRequest, HttpServletResponse>builder(
                openTelemetry, INSTRUMENTATION_NAME, spanName.build())
            .setSpanStatusExtractor(HttpSpanStatusExtractor.create(getter))
            .addAttributesExtractor(httpAttributes.build())
            .addAttributesExtractors(extractors)
            .addContextCustomizer(route.build())
            .addOperationMetrics(HttpServerMetrics.get());
    return new SparkTelemetry(
        builder.buildServerInstrumenter(HttpServletRequestGetter.INSTANCE), List.copyOf(excludedUrls));
  }
}
