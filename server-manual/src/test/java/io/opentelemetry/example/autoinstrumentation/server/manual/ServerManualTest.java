package io.opentelemetry.example.autoinstrumentation.server.manual;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.example.autoinstrumentation.common.FailingRoutes;
import io.opentelemetry.example.autoinstrumentation.common.RealHandlerExpectations;
import io.opentelemetry.example.autoinstrumentation.common.RealHandlerExpectations.TraceSpan;
import io.opentelemetry.example.autoinstrumentation.common.RealHandlerExpectations.Tree;
import io.opentelemetry.example.autoinstrumentation.common.ServerAddress;
import io.opentelemetry.example.autoinstrumentation.common.ServerSpanExpectations;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.semconv.SchemaUrls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import spark.Service;

/**
 * The span written by hand: what it reports, from upstream's conventions code, and what it cannot see. The expectations
 * every mode shares are in {@link ServerSpanExpectations}; this test says where the manual span differs.
 */
class ServerManualTest {

  @RegisterExtension static final OpenTelemetryExtension testing = OpenTelemetryExtension.create();

  private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Service server;

  private void start() {
    server = ServerManual.serve(testing.getOpenTelemetry(), new ServerAddress("127.0.0.1", 0));
    server.awaitInitialization();
  }

  /** The routes of {@code FailingRoutes}, each wrapped in the manual span, as {@code FailingRoutesServer} runs them. */
  private void startFailingRoutes() {
    server = Service.ignite().ipAddress("127.0.0.1").port(0);
    FailingRoutes.declare(server, (route, handler) -> ServerManual.traced(testing.getOpenTelemetry(), handler));
  }

  @AfterEach
  void stop() {
    if (server == null) {
      return;
    }
    server.stop();
    server.awaitStop();
  }

  @Test
  void successfulGetRequest() throws Exception {
    start();
    assertThat(get("/server_request?param=testing&sig=secret", Map.of()).body()).isEqualTo("served");

    SpanData span = onlySpan();
    ServerSpanExpectations.assertServerRequestSpan(span, server.port(), "param=testing&sig=REDACTED");
    assertThat(span).hasNoParent();
  }

  @Test
  void successfulGetRequestWithParent() throws Exception {
    start();
    get("/server_request?param=testing", Map.of("traceparent", TRACEPARENT));

    assertThat(onlySpan())
        .hasKind(SpanKind.SERVER)
        .hasTraceId("0af7651916cd43dd8448eb211c80319c")
        .hasParentSpanId("b7ad6b7169203331");
  }

  /** The route Spark matched names the span, as the agent's Spark instrumentation names it: the template, not the path. */
  @Test
  void routeIsTheTemplateSparkMatched() throws Exception {
    server = Service.ignite().ipAddress("127.0.0.1").port(0);
    server.get("/orders/:id", ServerManual.traced(testing.getOpenTelemetry(), (request, response) -> "order"));
    get("/orders/42", Map.of());

    assertThat(onlySpan()).hasName("GET /orders/:id");
    assertThat(ServerSpanExpectations.attributes(onlySpan()))
        .containsEntry("http.route", "/orders/:id")
        .containsEntry("url.path", "/orders/42");
  }

  /**
   * Upstream's conventions with their defaults, the agent's defaults: the sensitive query parameters redacted, no header
   * captured. The instrumentation settings that change them configure the agent and the library, not spans written by
   * hand (docs/configuration.md).
   */
  @Test
  void upstreamsDefaults() throws Exception {
    start();
    get("/server_request?" + ServerSpanExpectations.QUERY_WITH_TOKEN, Map.of("Authorization", "Bearer secret"));

    assertThat(ServerSpanExpectations.attributes(onlySpan()))
        .containsEntry("url.query", "param=x&token=abc&sig=REDACTED")
        .allSatisfy((key, value) -> assertThat(key).doesNotStartWith("http.request.header."));
  }

  /** The client a proxy names, as the agent reads it (SparkTelemetryTest checks the same list against upstream's code). */
  @Test
  void clientAddressBehindAProxy() throws Exception {
    start();
    List<ServerSpanExpectations.BehindAProxy> requests = ServerSpanExpectations.BEHIND_A_PROXY;
    for (int i = 0; i < requests.size(); i++) {
      get("/server_request?param=testing", requests.get(i).headers());

      assertThat(ServerSpanExpectations.attributes(testing.getSpans().get(i)))
          .as("%s", requests.get(i).headers()).containsEntry("client.address", requests.get(i).clientAddress());
    }
  }

  /** The host a proxy names, as the agent reads it (SparkTelemetryTest checks the same list against upstream's code). */
  @Test
  void hostBehindAProxy() throws Exception {
    start();
    List<ServerSpanExpectations.ProxiedHost> requests = ServerSpanExpectations.PROXIED_HOSTS;
    for (int i = 0; i < requests.size(); i++) {
      get("/server_request?param=testing", requests.get(i).headers());

      Map<String, Object> attributes = ServerSpanExpectations.attributes(testing.getSpans().get(i));
      assertThat(attributes).as("%s", requests.get(i).headers())
          .containsEntry("server.address", requests.get(i).serverAddress());
      assertThat(attributes.get("server.port")).as("%s", requests.get(i).headers()).isEqualTo(requests.get(i).serverPort());
    }
  }

  @Test
  void scopeHasTheSchemaUrlOfItsConventions() throws Exception {
    start();
    get("/server_request?param=testing", Map.of());

    assertThat(onlySpan().getInstrumentationScopeInfo().getName()).isEqualTo("io.opentelemetry.example.server-manual");
    assertThat(onlySpan().getInstrumentationScopeInfo().getSchemaUrl()).isEqualTo(SchemaUrls.V1_41_0);
  }

  /**
   * The span sees the exception, not the 500 Spark answers after the route: no status code, and upstream's conventions
   * then name the exception's class as {@code error.type}.
   */
  @Test
  void requestWithException() throws Exception {
    startFailingRoutes();
    assertThat(get("/fail/exception", Map.of()).statusCode()).isEqualTo(500);

    assertThat(onlySpan()).hasName("GET /fail/exception").hasStatus(StatusData.error())
        .hasEventsSatisfyingExactly(event -> event.hasName("exception"));
    assertThat(ServerSpanExpectations.attributes(onlySpan()))
        .containsEntry("http.route", "/fail/exception")
        .containsEntry("error.type", IllegalStateException.class.getName())
        .doesNotContainKey("http.response.status_code");
  }

  /** An Error escapes Spark and Jetty answers it, later still: the span reports what it saw, the Error. */
  @Test
  void requestWithError() throws Exception {
    startFailingRoutes();
    assertThat(get("/fail/error", Map.of()).statusCode()).isEqualTo(500);

    assertThat(onlySpan()).hasName("GET /fail/error").hasStatus(StatusData.error())
        .hasEventsSatisfyingExactly(event -> event.hasName("exception"));
    assertThat(ServerSpanExpectations.attributes(onlySpan()))
        .containsEntry("error.type", AssertionError.class.getName())
        .doesNotContainKey("http.response.status_code");
  }

  /** What an exception mapper answers is decided after the route returned, outside the span. */
  @Test
  void anExceptionMappersStatusIsNotSeen() throws Exception {
    startFailingRoutes();
    server.exception(IllegalStateException.class, (exception, request, response) -> {
      response.status(409);
      response.body("conflict");
    });
    assertThat(get("/fail/exception", Map.of()).statusCode()).isEqualTo(409);

    assertThat(onlySpan()).hasStatus(StatusData.error());
    assertThat(ServerSpanExpectations.attributes(onlySpan()))
        .containsEntry("error.type", IllegalStateException.class.getName())
        .doesNotContainKey("http.response.status_code");
  }

  @Test
  void haltIsAnAnswerNotAFailure() throws Exception {
    startFailingRoutes();
    assertThat(get("/fail/halt", Map.of()).statusCode()).isEqualTo(401);

    assertThat(onlySpan()).hasName("GET /fail/halt").hasStatus(StatusData.unset()).hasEvents(List.of());
    assertThat(ServerSpanExpectations.attributes(onlySpan()))
        .containsEntry("http.response.status_code", 401L)
        .doesNotContainKey("error.type");
  }

  @Test
  void serviceUnavailableIsAnError() throws Exception {
    startFailingRoutes();
    assertThat(get("/fail/unavailable", Map.of()).statusCode()).isEqualTo(503);

    assertThat(onlySpan()).hasStatus(StatusData.error()).hasEvents(List.of());
    assertThat(ServerSpanExpectations.attributes(onlySpan()))
        .containsEntry("http.response.status_code", 503L)
        .containsEntry("error.type", "503");
  }

  /** An after-filter sees the response as the route left it: the instrumentation set nothing on it. */
  @Test
  void theSpanLeavesTheResponseAsTheRouteLeftIt() throws Exception {
    AtomicReference<String> contentType = new AtomicReference<>("(not run)");
    server = Service.ignite().ipAddress("127.0.0.1").port(0);
    server.get("/plain", ServerManual.traced(testing.getOpenTelemetry(), (request, response) -> "plain"));
    server.after("/plain", (request, response) -> contentType.set(response.raw().getContentType()));
    assertThat(get("/plain", Map.of()).headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");

    assertThat(contentType.get()).as("Content-Type after the route").isNull();
  }

  @Test
  void realHandlerIsOneTraceOfFourSpans() throws Exception {
    start();
    HttpResponse<String> response = get("/real_handler?param=testing", Map.of("traceparent", TRACEPARENT));

    assertThat(response.body()).isEqualTo("{\"server_request\":200,\"orders\":2}");
    List<TraceSpan> spans = testing.getSpans().stream().map(TraceSpan::of).toList();
    Tree tree = RealHandlerExpectations.assertTree(spans, server.port(), "testing");
    assertThat(tree.handler().traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(tree.handler().parentSpanId()).isEqualTo("b7ad6b7169203331");
    // The query span is upstream's JDBC library's, as in the programmatic server; the CLIENT span is this code's.
    assertThat(testing.getSpans()).filteredOn(span -> span.getName().startsWith("SELECT")).singleElement()
        .satisfies(span -> assertThat(span.getInstrumentationScopeInfo().getName()).isEqualTo("io.opentelemetry.jdbc"));
    assertThat(testing.getSpans()).filteredOn(span -> span.getKind() == SpanKind.CLIENT && span.getName().equals("GET"))
        .singleElement().satisfies(span -> assertThat(span.getInstrumentationScopeInfo().getName())
            .isEqualTo("io.opentelemetry.example.server-manual"));
  }

  /** The caller's baggage is current in the route, so the calls it makes pass it on, as under the agent. */
  @Test
  void theCallersBaggageIsCurrentInTheRoute() throws Exception {
    OpenTelemetry withBaggage = OpenTelemetrySdk.builder()
        .setPropagators(ContextPropagators.create(TextMapPropagator.composite(
            W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance())))
        .build();
    server = Service.ignite().ipAddress("127.0.0.1").port(0);
    server.get("/baggage", ServerManual.traced(withBaggage,
        (request, response) -> Baggage.current().getEntryValue("tenant")));

    assertThat(get("/baggage", Map.of("baggage", "tenant=acme")).body()).isEqualTo("acme");
  }

  @Test
  void requestForNotFoundMakesNoSpan() throws Exception {
    start();
    assertThat(get("/no_such_route", Map.of()).statusCode()).isEqualTo(404);

    // The span lives inside the one route's handler; Spark answers 404 without calling it.
    assertThat(testing.getSpans()).isEmpty();
  }

  private HttpResponse<String> get(String pathAndQuery, Map<String, String> headers) throws Exception {
    server.awaitInitialization();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
        .timeout(Duration.ofSeconds(10));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The span ends in the route, before the response is written, so it is there once the response is. */
  private SpanData onlySpan() {
    assertThat(testing.getSpans()).hasSize(1);
    return testing.getSpans().get(0);
  }
}
