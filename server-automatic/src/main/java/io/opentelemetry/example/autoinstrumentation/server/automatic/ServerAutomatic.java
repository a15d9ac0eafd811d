package io.opentelemetry.example.autoinstrumentation.server.automatic;

import io.opentelemetry.example.autoinstrumentation.common.CatalogSearch;
import io.opentelemetry.example.autoinstrumentation.common.ServerAddress;
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
    http.get("/search", CatalogSearch::handle);
    http.get("/server_request", (request, response) -> {
      System.out.println(request.queryParams("param"));
      return "served";
    });
    return http;
  }

  private ServerAutomatic() {}
}
// end::server[]
