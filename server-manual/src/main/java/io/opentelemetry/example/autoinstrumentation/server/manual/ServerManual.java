package io.opentelemetry.example.autoinstrumentation.server.manual;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.example.autoinstrumentation.common.OpenTelemetrySetup;
import io.opentelemetry.example.autoinstrumentation.common.ServerAddress;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import spark.Service;

// tag::server[]
/** The seed's server with its SERVER span written by hand: the route body is wrapped in one span. */
public final class ServerManual {

  public static void main(String[] args) {
    OpenTelemetrySetup otel = OpenTelemetrySetup.initialize();
    serve(otel.sdk(), otel.config(), ServerAddress.fromEnvironment());
  }

  static Service serve(OpenTelemetry openTelemetry, ConfigProperties config, ServerAddress address) {
    Tracer tracer = openTelemetry.getTracer("io.opentelemetry.example.server-manual");
    TextMapPropagator propagator = openTelemetry.getPropagators().getTextMapPropagator();
    HttpServerAttributes attributes = HttpServerAttributes.configure(config);
    Service http = address.ignite();
    http.get("/server_request", (request, response) -> {
      Span span = tracer.spanBuilder("GET /server_request")
          .setParent(propagator.extract(Context.current(), request, RequestHeaders.INSTANCE))
          .setSpanKind(SpanKind.SERVER)
          .setAllAttributes(attributes.onRequest(request, "/server_request"))
          .startSpan();
      try (Scope ignored = span.makeCurrent()) {
        System.out.println(request.queryParams("param"));
        return "served";
      } finally {
        attributes.onResponse(span, response);
        span.end();
      }
    });
    return http;
  }

  private ServerManual() {}
}
// end::server[]
