package io.opentelemetry.example.autoinstrumentation.server.programmatic;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.example.autoinstrumentation.common.CatalogSearch;
import io.opentelemetry.example.autoinstrumentation.common.OpenTelemetrySetup;
import io.opentelemetry.example.autoinstrumentation.common.RealHandler;
import io.opentelemetry.example.autoinstrumentation.common.ServerAddress;
import io.opentelemetry.instrumentation.jdbc.datasource.JdbcTelemetry;
import io.opentelemetry.instrumentation.okhttp.v3_0.OkHttpTelemetry;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.Service;
import spark.embeddedserver.EmbeddedServers;

// tag::server[]
/** The server, instrumented by library instrumentations: Spark's Jetty traced by SparkTelemetry, a line per client. */
public final class ServerProgrammatic {

  private static final Logger logger = LoggerFactory.getLogger(ServerProgrammatic.class);
  /** The embedded server this Service asks Spark for: Spark's Jetty, traced by SparkTelemetry. */
  static final String TRACED_JETTY = "traced-jetty";

  public static void main(String[] args) {
    OpenTelemetrySetup otel = OpenTelemetrySetup.initialize();
    ServerAddress address = ServerAddress.fromEnvironment();
    address.announce(serve(otel.sdk(), otel.config(), address));
  }

  static Service serve(OpenTelemetry openTelemetry, ConfigProperties config, ServerAddress address) {
    EmbeddedServers.add(TRACED_JETTY, SparkTelemetrySetup.create(openTelemetry, config).createEmbeddedServerFactory());
    // EmbeddedServers.add(TRACED_JETTY, SparkTelemetry.builder(openTelemetry)
    //     .setExcludedUrls(List.of("/server_request")).build().createEmbeddedServerFactory());
    Service http = address.ignite();
    http.embeddedServerIdentifier(TRACED_JETTY);
    http.get("/server_request", (request, response) -> {
      System.out.println(request.queryParams("param"));
      logger.info("served param={}", request.queryParams("param"));
      return "served";
    });
    http.get("/search", CatalogSearch::handle);
    // tag::real-handler[]
    http.get(RealHandler.PATH, new RealHandler(
        OkHttpTelemetry.create(openTelemetry).createCallFactory(new OkHttpClient()),
        JdbcTelemetry.create(openTelemetry).wrap(RealHandler.database()),
        Context.taskWrapping(RealHandler.executor())));
    // end::real-handler[]
    return http;
  }

  private ServerProgrammatic() {}
}
// end::server[]
