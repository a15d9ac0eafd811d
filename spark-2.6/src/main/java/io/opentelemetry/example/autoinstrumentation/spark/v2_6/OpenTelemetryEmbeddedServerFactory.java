package io.opentelemetry.example.autoinstrumentation.spark.v2_6;

import spark.ExceptionMapper;
import spark.embeddedserver.EmbeddedServer;
import spark.embeddedserver.EmbeddedServerFactory;
import spark.embeddedserver.jetty.EmbeddedJettyFactory;
import spark.embeddedserver.jetty.JettyServerFactory;
import spark.route.Routes;
import spark.staticfiles.StaticFilesConfiguration;

/**
 * Spark's own {@link EmbeddedJettyFactory} on a Jetty server that traces every request, with the route table seen
 * through {@link RouteNamingRoutes}, so the route Spark matches names the span.
 */
final class OpenTelemetryEmbeddedServerFactory implements EmbeddedServerFactory {

  private final EmbeddedJettyFactory spark;

  OpenTelemetryEmbeddedServerFactory(JettyServerFactory tracedServers) {
    this.spark = new EmbeddedJettyFactory(tracedServers);
  }

  /** What Spark 2.8 and newer call. */
  @Override
  public EmbeddedServer create(
      Routes routes, StaticFilesConfiguration staticFiles, ExceptionMapper exceptionMapper, boolean hasOtherHandlers) {
    return spark.create(new RouteNamingRoutes(routes), staticFiles, exceptionMapper, hasOtherHandlers);
  }

  /** What Spark 2.6 and 2.7 call: their factories have no exception mapper. */
  @Override
  public EmbeddedServer create(Routes routes, StaticFilesConfiguration staticFiles, boolean hasOtherHandlers) {
    return spark.create(new RouteNamingRoutes(routes), staticFiles, hasOtherHandlers);
  }
}
