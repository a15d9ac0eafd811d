package io.opentelemetry.example.autoinstrumentation.server.programmatic;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.example.autoinstrumentation.common.CatalogSearch;
import io.opentelemetry.example.autoinstrumentation.common.OpenTelemetrySetup;
import io.opentelemetry.example.autoinstrumentation.common.ServerAddress;
import io.opentelemetry.example.autoinstrumentation.server.programmatic.spark.SparkTelemetry;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import spark.Service;

// tag::server[]
/** The server, instrumented by one line that installs a reusable library instrumentation. */
public final class ServerProgrammatic {

  public static void main(String[] args) {
    OpenTelemetrySetup otel = OpenTelemetrySetup.initialize("server-programmatic");
    ServerAddress address = ServerAddress.fromEnvironment();
    address.announce(serve(otel.sdk(), otel.config(), address));
  }

  static Service serve(OpenTelemetry openTelemetry, ConfigProperties config, ServerAddress address) {
    Service http = address.ignite();
    SparkTelemetry.builder(openTelemetry).configure(config).build().instrument(http);
    // SparkTelemetry.builder(openTelemetry).setExcludedUrls(List.of("/server_request")).build().instrument(http);
    http.get("/search", CatalogSearch::handle);
    http.get("/server_request", (request, response) -> {
      System.out.println(request.queryParams("param"));
      return "served";
    });
    return http;
  }

  private ServerProgrammatic() {}
}
// end::server[]
