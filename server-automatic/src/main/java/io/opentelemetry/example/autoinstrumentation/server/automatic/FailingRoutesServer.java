package io.opentelemetry.example.autoinstrumentation.server.automatic;

import io.opentelemetry.example.autoinstrumentation.common.FailingRoutes;
import io.opentelemetry.example.autoinstrumentation.common.ServerAddress;
import spark.Service;

/** Routes that fail, with no OpenTelemetry code: run under the agent by {@code make compare}. */
public final class FailingRoutesServer {

  public static void main(String[] args) {
    ServerAddress address = ServerAddress.fromEnvironment();
    Service http = address.ignite();
    FailingRoutes.declare(http, (route, handler) -> handler);
    address.announce(http);
  }

  private FailingRoutesServer() {}
}
