package io.opentelemetry.example.autoinstrumentation.server.programmatic;

import io.opentelemetry.example.autoinstrumentation.common.FailingRoutes;
import io.opentelemetry.example.autoinstrumentation.common.OpenTelemetrySetup;
import io.opentelemetry.example.autoinstrumentation.common.ServerAddress;
import spark.Service;
import spark.embeddedserver.EmbeddedServers;

/** Routes that fail, behind the same instrumentation as the programmatic server: run by {@code make compare}. */
public final class FailingRoutesServer {

  public static void main(String[] args) {
    OpenTelemetrySetup otel = OpenTelemetrySetup.initialize();
    ServerAddress address = ServerAddress.fromEnvironment();
    EmbeddedServers.add(ServerProgrammatic.TRACED_JETTY,
        SparkTelemetrySetup.create(otel.sdk(), otel.config()).createEmbeddedServerFactory());
    Service http = address.ignite();
    http.embeddedServerIdentifier(ServerProgrammatic.TRACED_JETTY);
    FailingRoutes.declare(http, (route, handler) -> handler);
    address.announce(http);
  }

  private FailingRoutesServer() {}
}
