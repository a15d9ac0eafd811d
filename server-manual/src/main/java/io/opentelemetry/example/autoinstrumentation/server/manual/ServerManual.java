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
import io.opentelemetry.example.autoinstrumentation.common.RealHandler;
import io.opentelemetry.example.autoinstrumentation.common.ServerAddress;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.semconv.SchemaUrls;
import java.util.concurrent.ExecutorService;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.Route;
import spark.Service;

// tag::server[]
/** The server with its spans written by hand: each route body runs inside a SERVER span that {@link #traced} makes. */
public final class ServerManual {

  private static final Logger logger = LoggerFactory.getLogger(ServerManual.class);

  public static void main(String[] args) {
    OpenTelemetrySetup otel = OpenTelemetrySetup.initialize();
    ServerAddress address = ServerAddress.fromEnvironment();
    address.announce(serve(otel.sdk(), otel.config(), address));
  }

  static Service serve(OpenTelemetry openTelemetry, ConfigProperties config, ServerAddress address) {
    Service http = address.ignite();
    http.get("/server_request", traced(openTelemetry, config, "/server_request", (request, response) -> {
      System.out.println(request.queryParams("param"));
      logger.info("served param={}", request.queryParams("param"));
      return "served";
    }));
    http.get("/search", traced(openTelemetry, config, "/search", CatalogSearch::handle));
    // tag::real-handler[]
    ExecutorService executor = RealHandler.executor();
    http.get(RealHandler.PATH, traced(openTelemetry, config, RealHandler.PATH, new RealHandler(
        new OkHttpClient.Builder().addNetworkInterceptor(new ClientSpanInterceptor(openTelemetry, config)).build(),
        DatabaseSpans.wrap(openTelemetry, RealHandler.database(), RealHandler.DATABASE_URL),
        task -> executor.execute(Context.current().wrap(task))))); // the caller's span goes with the task
    // end::real-handler[]
    return http;
  }

  /** {@code body}, the handler of {@code route}, run inside a SERVER span that continues the caller's trace. */
  static Route traced(OpenTelemetry openTelemetry, ConfigProperties config, String route, Route body) {
    Tracer tracer = tracer(openTelemetry, SchemaUrls.V1_41_0); // the semantic conventions HttpServerAttributes follows
    TextMapPropagator propagator = openTelemetry.getPropagators().getTextMapPropagator();
    HttpServerAttributes attributes = HttpServerAttributes.configure(config);
    return (request, response) -> {
      Context caller = propagator.extract(Context.current(), request, RequestHeaders.INSTANCE); // its span, its baggage
      Span span = tracer.spanBuilder(attributes.spanName(request, route))
          .setParent(caller)
          .setSpanKind(SpanKind.SERVER)
          .setAllAttributes(attributes.onRequest(request, route))
          .startSpan();
      Throwable failure = null;
      try (Scope ignored = caller.with(span).makeCurrent()) {
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

  /** This code's tracer, for spans that follow the semantic conventions of {@code schemaUrl}. */
  static Tracer tracer(OpenTelemetry openTelemetry, String schemaUrl) {
    return openTelemetry.tracerBuilder("io.opentelemetry.example.server-manual")
        .setInstrumentationVersion(ServerManual.class.getPackage().getImplementationVersion()) // from the jar
        .setSchemaUrl(schemaUrl)
        .build();
  }

  private ServerManual() {}
}
// end::server[]
