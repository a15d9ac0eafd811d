package io.opentelemetry.example.autoinstrumentation.server.manual;

import io.opentelemetry.example.autoinstrumentation.common.FailingRoutes;
import io.opentelemetry.example.autoinstrumentation.common.OpenTelemetrySetup;
import io.opentelemetry.example.autoinstrumentation.common.ServerAddress;
import spark.Service;

/** Routes that fail, each wrapped in the manual server's span: run by {@code make compare}. */
public final class FailingRoutesServer {

  public static void main(String[] args) {
    OpenTelemetrySetup otel = OpenTelemetrySetup.initialize();
    ServerAddress address = ServerAddress.fromEnvironment();
    Service http = address.ignite();
    FailingRoutes.declare(http, (route, handler) -> ServerManual.traced(otel.sdk(), handler));
    address.announce(http);
  }

  private FailingRoutesServer() {}
}
