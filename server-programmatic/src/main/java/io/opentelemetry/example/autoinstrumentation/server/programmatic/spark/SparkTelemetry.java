package io.opentelemetry.example.autoinstrumentation.server.programmatic.spark;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import java.util.List;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import spark.Service;

/**
 * Library instrumentation for Spark 2.9: the Java counterpart of Flask's {@code FlaskInstrumentor().instrument_app(app)}.
 *
 * <pre>{@code
 * SparkTelemetry.create(openTelemetry).instrument(http);
 * }</pre>
 *
 * <p>Every request the service sees, 404s and failed routes included, gets the SERVER span that the javaagent would make.
 */
public final class SparkTelemetry {

  /** Returns a new {@link SparkTelemetry} configured with the given {@link OpenTelemetry}. */
  public static SparkTelemetry create(OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build();
  }

  /** Returns a new {@link SparkTelemetryBuilder} configured with the given {@link OpenTelemetry}. */
  public static SparkTelemetryBuilder builder(OpenTelemetry openTelemetry) {
    return new SparkTelemetryBuilder(openTelemetry);
  }

  private final Instrumenter<HttpServletRequest, HttpServletResponse> instrumenter;
  private final List<Pattern> excludedUrls;
  private final boolean capturesContentType;

  SparkTelemetry(
      Instrumenter<HttpServletRequest, HttpServletResponse> instrumenter,
      List<Pattern> excludedUrls,
      boolean capturesContentType) {
    this.instrumenter = instrumenter;
    this.excludedUrls = excludedUrls;
    this.capturesContentType = capturesContentType;
  }

  /**
   * Traces every request of {@code http}. Call it before declaring routes and filters, so that the span is current in
   * all of them.
   */
  public void instrument(Service http) {
    TracingFilters filters = new TracingFilters(instrumenter, excludedUrls, new SparkRoutes(http), capturesContentType);
    http.before(filters::start);
    // afterAfter filters run in a finally block: after the route, a halt, an exception, or a 404 alike.
    http.afterAfter(filters::end);
  }
}
