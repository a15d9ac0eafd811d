package io.opentelemetry.example.autoinstrumentation.spark.v2_6;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import spark.embeddedserver.EmbeddedServerFactory;
import spark.embeddedserver.jetty.JettyServerFactory;

/**
 * Library instrumentation for Spark 2.6 and newer: the Java counterpart of Flask's {@code
 * FlaskInstrumentor().instrument_app(app)}. It hands out the embedded-server factory that Spark lets an application
 * choose; every request the Jetty server it builds answers, 404s, failed routes and websocket upgrades included, gets the
 * SERVER span that the javaagent would make.
 *
 * <pre>{@code
 * // before the first route, for the static API (spark.Spark.*) and every Service that keeps Spark's default
 * EmbeddedServers.add(EmbeddedServers.Identifiers.JETTY, SparkTelemetry.create(openTelemetry).createEmbeddedServerFactory());
 * }</pre>
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
   * Returns Spark's embedded Jetty, as Spark builds it by default, with every request it serves traced. Register it
   * with {@code EmbeddedServers.add} before the first route: under {@code EmbeddedServers.Identifiers.JETTY} for the
   * static API and every {@code Service} that keeps Spark's default, or under an identifier of your own that a {@code
   * Service} names with {@code embeddedServerIdentifier} (Spark 2.9).
   */
  public EmbeddedServerFactory createEmbeddedServerFactory() {
    return createEmbeddedServerFactory(new SparkDefaultJettyServerFactory());
  }

  /**
   * Returns Spark's embedded Jetty built on the {@link org.eclipse.jetty.server.Server} that {@code serverFactory}
   * makes (your thread pool, connectors, ...), with every request it serves traced: the factory you would otherwise
   * pass to {@code new EmbeddedJettyFactory(serverFactory)}.
   */
  public EmbeddedServerFactory createEmbeddedServerFactory(JettyServerFactory serverFactory) {
    return new OpenTelemetryEmbeddedServerFactory(
        new OpenTelemetryJettyServerFactory(serverFactory, instrumenter, excludedUrls));
  }
}
