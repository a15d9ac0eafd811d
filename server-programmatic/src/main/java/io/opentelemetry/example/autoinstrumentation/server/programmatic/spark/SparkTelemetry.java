package io.opentelemetry.example.autoinstrumentation.server.programmatic.spark;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import spark.Service;
import spark.embeddedserver.EmbeddedServers;

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
  private final ExcludedUrls excludedUrls;

  SparkTelemetry(Instrumenter<HttpServletRequest, HttpServletResponse> instrumenter, ExcludedUrls excludedUrls) {
    this.instrumenter = instrumenter;
    this.excludedUrls = excludedUrls;
  }

  /**
   * Traces every request of {@code http}. Like Spark's other server settings, it must come before the first route or
   * filter: Spark then builds its Jetty server with the instrumentation around the handler that runs them all.
   *
   * @throws IllegalStateException if {@code http} has already mapped a route or filter
   */
  public void instrument(Service http) {
    http.embeddedServerIdentifier(this); // first: if it refuses, Spark's static registry is left as it was
    EmbeddedServers.add(this, new OpenTelemetryJettyFactory(instrumenter, excludedUrls));
  }
}
