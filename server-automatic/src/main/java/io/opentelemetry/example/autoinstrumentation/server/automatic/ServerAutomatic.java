package io.opentelemetry.example.autoinstrumentation.server.automatic;

import io.opentelemetry.example.autoinstrumentation.common.CatalogSearch;
import io.opentelemetry.example.autoinstrumentation.common.RealHandler;
import io.opentelemetry.example.autoinstrumentation.common.ServerAddress;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.Service;

// tag::server[]
/** The server with no OpenTelemetry code: the javaagent instruments it from outside. */
public final class ServerAutomatic {

  private static final Logger logger = LoggerFactory.getLogger(ServerAutomatic.class);

  public static void main(String[] args) {
    ServerAddress address = ServerAddress.fromEnvironment();
    address.announce(serve(address));
  }

  static Service serve(ServerAddress address) {
    Service http = address.ignite();
    http.get("/server_request", (request, response) -> {
      System.out.println(request.queryParams("param"));
      logger.info("served param={}", request.queryParams("param"));
      return "served";
    });
    http.get("/search", CatalogSearch::handle);
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
