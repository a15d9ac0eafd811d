package io.opentelemetry.example.autoinstrumentation.server.programmatic;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.example.autoinstrumentation.common.OpenTelemetrySetup;
import io.opentelemetry.example.autoinstrumentation.common.ServerAddress;
import io.opentelemetry.example.autoinstrumentation.server.programmatic.spark.SparkTelemetry;
import spark.Service;

/** The seed's server, instrumented by one line that installs a reusable library instrumentation. */
public final class ServerProgrammatic {

  public static void main(String[] args) {
    serve(OpenTelemetrySetup.initialize("server-programmatic"), ServerAddress.fromEnvironment());
  }

  static Service serve(OpenTelemetry openTelemetry, ServerAddress address) {
    Service http = address.ignite();
    SparkTelemetry.create(openTelemetry).instrument(http);
    http.get("/server_request", (request, response) -> {
      System.out.println(request.queryParams("param"));
      return "served";
    });
    return http;
  }

  private ServerProgrammatic() {}
}
