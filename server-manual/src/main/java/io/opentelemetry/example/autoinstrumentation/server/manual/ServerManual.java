package io.opentelemetry.example.autoinstrumentation.server.manual;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.example.autoinstrumentation.common.CatalogSearch;
import io.opentelemetry.example.autoinstrumentation.common.OpenTelemetrySetup;
import io.opentelemetry.example.autoinstrumentation.common.ServerAddress;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.semconv.SchemaUrls;
import spark.Route;
import spark.Service;

// tag::server[]
/** The server with its SERVER span written by hand: the route body runs inside a span that {@link #traced} makes. */
public final class ServerManual {

  public static void main(String[] args) {
    OpenTelemetrySetup otel = OpenTelemetrySetup.initialize("server-manual");
    ServerAddress address = ServerAddress.fromEnvironment();
    address.announce(serve(otel.sdk(), otel.config(), address));
  }

  static Service serve(OpenTelemetry openTelemetry, ConfigProperties config, ServerAddress address) {
    Service http = address.ignite();
    http.get("/search", traced(openTelemetry, config, "/search", CatalogSearch::handle));
    http.get("/server_request", traced(openTelemetry, config, "/server_request", (request, response) -> {
      System.out.println(request.queryParams("param"));
      return "served";
    }));
    return http;
  }

  /** {@code body}, the handler of {@code route}, run inside a SERVER span that continues the caller's trace. */
  static Route traced(OpenTelemetry openTelemetry, ConfigProperties config, String route, Route body) {
    Tracer tracer = openTelemetry.tracerBuilder("io.opentelemetry.example.server-manual")
        .setInstrumentationVersion(ServerManual.class.getPackage().getImplementationVersion()) // from the jar
        .setSchemaUrl(SchemaUrls.V1_41_0) // the semantic conventions HttpServerAttributes follows
        .build();
    TextMapPropagator propagator = openTelemetry.getPropagators().getTextMapPropagator();
    HttpServerAttributes attributes = HttpServerAttributes.configure(config);
    return (request, response) -> {
      Span span = tracer.spanBuilder(request.requestMethod() + " " + route)
          .setParent(propagator.extract(Context.current(), request, RequestHeaders.INSTANCE))
          .setSpanKind(SpanKind.SERVER)
          .setAllAttributes(attributes.onRequest(request, route))
          .startSpan();
      Throwable failure = null;
      try (Scope ignored = span.makeCurrent()) {
        return body.handle(request, response);
      } catch (Exception | Error e) {
        failure = e; // Spark answers it with a 500, or a halt() with its own status, after the span has ended
        throw e;
      } finally {
        attributes.onResponse(span, response, failure);
        span.end();
      }
    };
  }

  private ServerManual() {}
}
// end::server[]
