package io.opentelemetry.example.autoinstrumentation.server.automatic;

import io.opentelemetry.example.autoinstrumentation.common.RealHandler;
import io.opentelemetry.example.autoinstrumentation.common.ServerAddress;
import okhttp3.OkHttpClient;
import spark.Service;

// tag::server[]
/** The server with no OpenTelemetry code: the javaagent instruments it from outside. */
public final class ServerAutomatic {

  public static void main(String[] args) {
    ServerAddress address = ServerAddress.fromEnvironment();
    address.announce(serve(address));
  }

  static Service serve(ServerAddress address) {
    Service http = address.ignite();
    http.get("/server_request", (request, response) -> {
      System.out.println(request.queryParams("param"));
      return "served";
    });
    // tag::real-handler[]
    http.get(RealHandler.PATH, new RealHandler(
        new OkHttpClient(),
        RealHandler.database(),
        RealHandler.executor()));
    // end::real-handler[]
    return http;
  }

  private ServerAutomatic() {}
}
// end::server[]
