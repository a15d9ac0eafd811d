package io.opentelemetry.example.autoinstrumentation.spark.v2_6;

import static io.opentelemetry.instrumentation.testing.junit.http.ServerEndpoint.CAPTURE_HEADERS;
import static io.opentelemetry.instrumentation.testing.junit.http.ServerEndpoint.ERROR;
import static io.opentelemetry.instrumentation.testing.junit.http.ServerEndpoint.EXCEPTION;
import static io.opentelemetry.instrumentation.testing.junit.http.ServerEndpoint.INDEXED_CHILD;
import static io.opentelemetry.instrumentation.testing.junit.http.ServerEndpoint.PATH_PARAM;
import static io.opentelemetry.instrumentation.testing.junit.http.ServerEndpoint.QUERY_PARAM;
import static io.opentelemetry.instrumentation.testing.junit.http.ServerEndpoint.REDIRECT;
import static io.opentelemetry.instrumentation.testing.junit.http.ServerEndpoint.SUCCESS;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;

import io.opentelemetry.instrumentation.testing.junit.InstrumentationExtension;
import io.opentelemetry.instrumentation.testing.junit.http.AbstractHttpServerTest;
import io.opentelemetry.instrumentation.testing.junit.http.HttpServerInstrumentationExtension;
import io.opentelemetry.instrumentation.testing.junit.http.HttpServerTestOptions;
import io.opentelemetry.instrumentation.testing.junit.http.ServerEndpoint;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.testing.assertj.SpanDataAssert;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.SchemaUrls;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.RegisterExtension;
import spark.Service;
import spark.embeddedserver.EmbeddedServers;

/** Upstream's shared HTTP server test suite, run against the library on a Spark service. */
class SparkTelemetryHttpServerTest extends AbstractHttpServerTest<Service> {

  @RegisterExtension
  static final InstrumentationExtension testing = HttpServerInstrumentationExtension.forLibrary();

  /** The suite's SDK also logs each span, some 500 of them; its assertions read the in-memory copy. */
  private static final Logger SPAN_LOG = Logger.getLogger("io.opentelemetry.exporter.logging.LoggingSpanExporter");

  static {
    SPAN_LOG.setLevel(Level.WARNING);
  }

  /** The embedded server this test's service asks Spark for. */
  private static final String TRACED_JETTY = "SparkTelemetryHttpServerTest";

  @Override
  protected Service setupServer() {
    EmbeddedServers.add(TRACED_JETTY, SparkTelemetry.builder(testing.getOpenTelemetry())
        .setCapturedRequestHeaders(List.of(TEST_REQUEST_HEADER))
        .setCapturedResponseHeaders(List.of(TEST_RESPONSE_HEADER))
        .build()
        .createEmbeddedServerFactory());
    Service app = Service.ignite().ipAddress("127.0.0.1").port(0);
    app.embeddedServerIdentifier(TRACED_JETTY);
    app.get(SUCCESS.getPath(), (request, response) -> controller(SUCCESS, SUCCESS::getBody));
    app.get(QUERY_PARAM.getPath(), (request, response) -> controller(QUERY_PARAM, request::queryString));
    app.get("/path/:id/param", (request, response) -> controller(PATH_PARAM, () -> request.params("id")));
    app.get(REDIRECT.getPath(), (request, response) -> controller(REDIRECT, () -> {
      response.redirect(REDIRECT.getBody());
      return "";
    }));
    app.get(ERROR.getPath(), (request, response) -> controller(ERROR, () -> {
      response.status(ERROR.getStatus());
      return ERROR.getBody();
    }));
    app.get(EXCEPTION.getPath(), (request, response) -> controller(EXCEPTION, () -> {
      throw new IllegalStateException(EXCEPTION.getBody());
    }));
    app.get(CAPTURE_HEADERS.getPath(), (request, response) -> controller(CAPTURE_HEADERS, () -> {
      response.header(TEST_RESPONSE_HEADER, request.headers(TEST_REQUEST_HEADER));
      return CAPTURE_HEADERS.getBody();
    }));
    app.get(INDEXED_CHILD.getPath(), (request, response) -> controller(INDEXED_CHILD, () -> {
      INDEXED_CHILD.collectSpanAttributes(request::queryParams);
      return INDEXED_CHILD.getBody();
    }));
    app.awaitInitialization();
    // The suite offers a port it found free; binding the one the OS gives leaves no window for another process.
    port = app.port();
    address = buildAddress();
    return app;
  }

  @Override
  protected void stopServer(Service app) {
    app.stop();
    app.awaitStop();
  }

  @Override
  protected void configure(HttpServerTestOptions options) {
    // Spark has path parameters (/path/:id/param), which the suite tests only when asked to.
    options.setTestPathParam(true);
    // Spark catches an Exception from a route and answers 500 itself, so none reaches the span: the agent's span has
    // no exception event either.
    options.setHasExceptionOnServerSpan(endpoint -> false);
    // Spark's Jetty trusts X-Forwarded-For by default, so the peer address the servlet request gives, under the agent
    // too, is the client the suite names in that header.
    options.setSockPeerAddr(endpoint -> TEST_CLIENT_IP);
    // Spark routes only the methods it knows and answers any other with 404.
    options.setResponseCodeOnNonStandardHttpMethod(404);
  }

  /**
   * The suite, published last at 2.24, expects the schema URL of semantic conventions 1.37.0; the library reports
   * 1.41.0, as the agent does. That is asserted here; every other check of the suite runs on the span as it is.
   */
  @Override
  protected SpanDataAssert assertServerSpan(
      SpanDataAssert span, String method, ServerEndpoint endpoint, int statusCode) {
    SpanData actual = span.actual();
    assertThat(actual.getInstrumentationScopeInfo().getSchemaUrl()).isEqualTo(SchemaUrls.V1_41_0);
    return super.assertServerSpan(assertThat(withSchemaUrl(actual, SchemaUrls.V1_37_0)), method, endpoint, statusCode);
  }

  private static SpanData withSchemaUrl(SpanData span, String schemaUrl) {
    InstrumentationScopeInfo scope = span.getInstrumentationScopeInfo();
    var relabelled = InstrumentationScopeInfo.builder(scope.getName())
        .setSchemaUrl(schemaUrl)
        .setAttributes(scope.getAttributes());
    if (scope.getVersion() != null) {
      relabelled.setVersion(scope.getVersion());
    }
    InstrumentationScopeInfo info = relabelled.build();
    return new DelegatingSpanData(span) {
      @Override
      public InstrumentationScopeInfo getInstrumentationScopeInfo() {
        return info;
      }
    };
  }
}
