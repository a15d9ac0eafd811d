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
import io.opentelemetry.example.autoinstrumentation.server.manual.SparkHttpGetter.Answer;
import io.opentelemetry.instrumentation.jdbc.datasource.JdbcTelemetry;
import io.opentelemetry.semconv.SchemaUrls;
import java.util.concurrent.Executor;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.HaltException;
import spark.Request;
import spark.Route;
import spark.Service;

// tag::server[]
/** The server with its spans written by hand: each route body runs inside a SERVER span that {@link #traced} makes. */
public final class ServerManual {

  private static final Logger logger = LoggerFactory.getLogger(ServerManual.class);

  public static void main(String[] args) {
    OpenTelemetrySetup otel = OpenTelemetrySetup.initialize();
    ServerAddress address = ServerAddress.fromEnvironment();
    address.announce(serve(otel.sdk(), address));
  }

  static Service serve(OpenTelemetry openTelemetry, ServerAddress address) {
    Service http = address.ignite();
    http.get("/server_request", traced(openTelemetry, (request, response) -> {
      System.out.println(request.queryParams("param"));
      logger.info("served param={}", request.queryParams("param"));
      return "served";
    }));
    http.get("/search", traced(openTelemetry, CatalogSearch::handle));
    // tag::real-handler[]
    Executor executor = RealHandler.executor();
    http.get(RealHandler.PATH, traced(openTelemetry, new RealHandler(
        new OkHttpClient.Builder().addNetworkInterceptor(new ClientSpanInterceptor(openTelemetry)).build(),
        JdbcTelemetry.create(openTelemetry).wrap(RealHandler.database()),
        task -> executor.execute(Context.current().wrap(task))))); // the caller's span goes with the task
    // end::real-handler[]
    return http;
  }

  /**
   * {@code body} run inside a SERVER span that continues the caller's trace. The span reports what the route did: the
   * status it set, a {@code halt}'s, or the exception it threw; what Spark answers after the route, it does not see.
   */
  static Route traced(OpenTelemetry openTelemetry, Route body) {
    Tracer tracer = tracer(openTelemetry);
    TextMapPropagator propagator = openTelemetry.getPropagators().getTextMapPropagator();
    HttpConventions<Request, Answer> http = HttpConventions.server(SparkHttpGetter.INSTANCE); // upstream's
    return (request, response) -> {
      Context caller = propagator.extract(Context.current(), request, SparkHttpGetter.INSTANCE); // span, baggage
      Span span = tracer.spanBuilder(http.spanName(request))
          .setParent(caller)
          .setSpanKind(SpanKind.SERVER)
          .setAllAttributes(http.onStart(caller, request))
          .startSpan();
      Answer answer = null;
      Throwable failure = null;
      try (Scope ignored = caller.with(span).makeCurrent()) {
        Object result = body.handle(request, response);
        answer = new Answer(response, response.status());
        return result;
      } catch (HaltException halt) {
        answer = new Answer(response, halt.statusCode()); // an answer, not a failure
        throw halt;
      } catch (Exception | Error e) {
        failure = e;
        span.recordException(e);
        throw e;
      } finally {
        http.onEnd(span, caller.with(span), request, answer, failure); // status: ERROR for a failure, a 5xx
        span.end();
      }
    };
  }

  /** This code's tracer: its spans follow the semantic conventions of upstream's code, schema 1.41.0. */
  static Tracer tracer(OpenTelemetry openTelemetry) {
    return openTelemetry.tracerBuilder("io.opentelemetry.example.server-manual")
        .setInstrumentationVersion(ServerManual.class.getPackage().getImplementationVersion()) // from the jar
        .setSchemaUrl(SchemaUrls.V1_41_0)
        .build();
  }

  private ServerManual() {}
}
// end::server[]
