package io.opentelemetry.example.autoinstrumentation.server.programmatic;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.example.autoinstrumentation.common.CatalogSearch;
import io.opentelemetry.example.autoinstrumentation.common.OpenTelemetrySetup;
import io.opentelemetry.example.autoinstrumentation.common.RealHandler;
import io.opentelemetry.example.autoinstrumentation.common.ServerAddress;
import io.opentelemetry.example.autoinstrumentation.server.programmatic.spark.SparkTelemetry;
import io.opentelemetry.instrumentation.jdbc.datasource.JdbcTelemetry;
import io.opentelemetry.instrumentation.okhttp.v3_0.OkHttpTelemetry;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.Service;

// tag::server[]
/** The server, instrumented by library instrumentations: one line for Spark, one for each client the handler uses. */
public final class ServerProgrammatic {

  private static final Logger logger = LoggerFactory.getLogger(ServerProgrammatic.class);

  public static void main(String[] args) {
    OpenTelemetrySetup otel = OpenTelemetrySetup.initialize();
    ServerAddress address = ServerAddress.fromEnvironment();
    address.announce(serve(otel.sdk(), otel.config(), address));
  }

  static Service serve(OpenTelemetry openTelemetry, ConfigProperties config, ServerAddress address) {
    Service http = address.ignite();
    SparkTelemetry.builder(openTelemetry).configure(config).build().instrument(http);
    // SparkTelemetry.builder(openTelemetry).setExcludedUrls(List.of("/server_request")).build().instrument(http);
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
