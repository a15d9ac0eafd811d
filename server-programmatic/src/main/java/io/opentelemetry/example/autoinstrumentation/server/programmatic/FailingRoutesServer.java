package io.opentelemetry.example.autoinstrumentation.server.programmatic;

import io.opentelemetry.example.autoinstrumentation.common.FailingRoutes;
import io.opentelemetry.example.autoinstrumentation.common.OpenTelemetrySetup;
import io.opentelemetry.example.autoinstrumentation.common.ServerAddress;
import io.opentelemetry.example.autoinstrumentation.server.programmatic.spark.SparkTelemetry;
import spark.Service;

/** Routes that fail, behind the same one line as the programmatic server: run by {@code make compare}. */
public final class FailingRoutesServer {

  public static void main(String[] args) {
    OpenTelemetrySetup otel = OpenTelemetrySetup.initialize();
    ServerAddress address = ServerAddress.fromEnvironment();
    Service http = address.ignite();
    SparkTelemetry.builder(otel.sdk()).configure(otel.config()).build().instrument(http);
    FailingRoutes.declare(http, (route, handler) -> handler);
    address.announce(http);
  }

  private FailingRoutesServer() {}
}
