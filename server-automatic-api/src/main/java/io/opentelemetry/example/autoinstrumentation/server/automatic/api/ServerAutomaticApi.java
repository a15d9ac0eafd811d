package io.opentelemetry.example.autoinstrumentation.server.automatic.api;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.example.autoinstrumentation.common.ServerAddress;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import spark.Service;

// tag::server[]
/** The automatic server plus the OpenTelemetry API: under the javaagent, what it adds joins the agent's trace. */
public final class ServerAutomaticApi {

  public static void main(String[] args) {
    ServerAddress address = ServerAddress.fromEnvironment();
    address.announce(serve(address));
  }

  static Service serve(ServerAddress address) {
    Service http = address.ignite();
    http.get("/server_request", (request, response) -> {
      Span.current().setAttribute("app.param", request.queryParams("param")); // onto the agent's SERVER span
      print(request.queryParams("param"));
      return "served";
    });
    return http;
  }

  /** The route's work as a span of its own: private and called from this class, yet the agent instruments it. */
  @WithSpan
  private static void print(@SpanAttribute("app.printed") String param) {
    System.out.println(param);
  }

  private ServerAutomaticApi() {}
}
// end::server[]
