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
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import spark.Service;

class ServerManualTest {

  @RegisterExtension static final OpenTelemetryExtension testing = OpenTelemetryExtension.create();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Service server;

  private void start(Map<String, String> config) {
    server = ServerManual.serve(testing.getOpenTelemetry(), DefaultConfigProperties.createFromMap(config),
        new ServerAddress("127.0.0.1", 0));
    server.awaitInitialization();
  }

  /** The routes of {@code FailingRoutes}, each wrapped in the manual span, as {@code FailingRoutesServer} runs them. */
  private void startFailingRoutes() {
    server = Service.ignite().ipAddress("127.0.0.1").port(0);
    DefaultConfigProperties config = DefaultConfigProperties.createFromMap(Map.of());
    FailingRoutes.declare(server, (route, handler) -> ServerManual.traced(testing.getOpenTelemetry(), config, route, handler));
    server.awaitInitialization();
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
    start(Map.of());
    assertThat(get("/server_request?param=testing&sig=secret", Map.of()).body()).isEqualTo("served");

    SpanData span = onlySpan();
    ServerSpanExpectations.assertServerRequestSpan(span, server.port(), "param=testing&sig=REDACTED");
    assertThat(span).hasNoParent();
  }

  @Test
  void successfulGetRequestWithParent() throws Exception {
    start(Map.of());
    get("/server_request?param=testing", Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));

    assertThat(onlySpan())
        .hasKind(SpanKind.SERVER)
        .hasTraceId("0af7651916cd43dd8448eb211c80319c")
        .hasParentSpanId("b7ad6b7169203331");
  }

  @Test
  void captureHttpHeaders() throws Exception {
    start(Map.of(
        "otel.instrumentation.http.server.capture-request-headers", "X-Custom,Authorization",
        "otel.instrumentation.http.server.capture-response-headers", "Content-Type"));
    get("/server_request?param=testing", Map.of("X-Custom", "one", "Authorization", "Bearer secret"));

    assertThat(ServerSpanExpectations.attributes(onlySpan()))
        .containsEntry("http.request.header.x-custom", List.of("one"))
        .containsEntry("http.request.header.authorization", List.of("REDACTED"))
        .containsEntry("http.response.header.content-type", List.of("text/html;charset=utf-8"));
  }

  /** The client a proxy names, as the agent reads it (SparkTelemetryTest checks the same list against upstream's code). */
  @Test
  void clientAddressBehindAProxy() throws Exception {
    start(Map.of());
    List<ServerSpanExpectations.BehindAProxy> requests = ServerSpanExpectations.BEHIND_A_PROXY;
    for (int i = 0; i < requests.size(); i++) {
      get("/server_request?param=testing", requests.get(i).headers());

      assertThat(ServerSpanExpectations.attributes(testing.getSpans().get(i)))
          .as("%s", requests.get(i).headers()).containsEntry("client.address", requests.get(i).clientAddress());
    }
  }

  @Test
  void sensitiveQueryParametersAreTheAgentsSetting() throws Exception {
    start(Map.of(ServerSpanExpectations.SENSITIVE_QUERY_PARAMETERS_KEY, "token"));
    get("/server_request?" + ServerSpanExpectations.QUERY_WITH_TOKEN, Map.of());

    assertThat(ServerSpanExpectations.attributes(onlySpan()))
        .containsEntry("url.query", ServerSpanExpectations.QUERY_WITH_TOKEN_REDACTED);
  }

  /**
   * The host a proxy names, as the agent reads it (SparkTelemetryTest checks the same list against upstream's code):
   * Spark's Jetty applies the proxy's headers to {@code Host}, which the hand-written span reads.
   */
  @Test
  void hostBehindAProxy() throws Exception {
    start(Map.of());
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
    start(Map.of());
    get("/server_request?param=testing", Map.of());

    assertThat(onlySpan().getInstrumentationScopeInfo().getName()).isEqualTo("io.opentelemetry.example.server-manual");
    assertThat(onlySpan().getInstrumentationScopeInfo().getSchemaUrl()).isEqualTo(SchemaUrls.V1_41_0);
  }

  @Test
  void requestWithException() throws Exception {
    startFailingRoutes();
    assertThat(get("/fail/exception", Map.of()).statusCode()).isEqualTo(500);

    // As the agent reports it, and with the exception, which only code inside the route sees.
    assertThat(onlySpan()).hasName("GET /fail/exception").hasStatus(StatusData.error())
        .hasEventsSatisfyingExactly(event -> event.hasName("exception"));
    assertThat(ServerSpanExpectations.attributes(onlySpan()))
        .containsEntry("http.route", "/fail/exception")
        .containsEntry("http.response.status_code", 500L)
        .containsEntry("error.type", "500");
  }

  @Test
  void requestWithError() throws Exception {
    startFailingRoutes();
    assertThat(get("/fail/error", Map.of()).statusCode()).isEqualTo(500);

    assertThat(onlySpan()).hasName("GET /fail/error").hasStatus(StatusData.error())
        .hasEventsSatisfyingExactly(event -> event.hasName("exception"));
    assertThat(ServerSpanExpectations.attributes(onlySpan())).containsEntry("error.type", "500");
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

  @Test
  void realHandlerIsOneTraceOfFourSpans() throws Exception {
    start(Map.of());
    HttpResponse<String> response = get("/real_handler?param=testing",
        Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));

    assertThat(response.body()).isEqualTo("{\"server_request\":200,\"orders\":2}");
    List<TraceSpan> spans = testing.getSpans().stream().map(TraceSpan::of).toList();
    Tree tree = RealHandlerExpectations.assertTree(spans, server.port(), "testing");
    assertThat(tree.handler().traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(tree.handler().parentSpanId()).isEqualTo("b7ad6b7169203331");
    // The database span follows the conventions the agent's JDBC instrumentation emits by default.
    assertThat(testing.getSpans()).filteredOn(span -> span.getName().startsWith("SELECT"))
        .singleElement().satisfies(span ->
            assertThat(span.getInstrumentationScopeInfo().getSchemaUrl()).isEqualTo(SchemaUrls.V1_24_0));
  }

  /** The caller's baggage is current in the route, so the calls it makes pass it on, as under the agent. */
  @Test
  void theCallersBaggageIsCurrentInTheRoute() throws Exception {
    OpenTelemetry withBaggage = OpenTelemetrySdk.builder()
        .setPropagators(ContextPropagators.create(TextMapPropagator.composite(
            W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance())))
        .build();
    server = Service.ignite().ipAddress("127.0.0.1").port(0);
    server.get("/baggage", ServerManual.traced(withBaggage, DefaultConfigProperties.createFromMap(Map.of()), "/baggage",
        (request, response) -> Baggage.current().getEntryValue("tenant")));
    server.awaitInitialization();

    assertThat(get("/baggage", Map.of("baggage", "tenant=acme")).body()).isEqualTo("acme");
  }

  @Test
  void requestForNotFoundMakesNoSpan() throws Exception {
    start(Map.of());
    assertThat(get("/no_such_route", Map.of()).statusCode()).isEqualTo(404);

    // The span lives inside the one route's handler; Spark answers 404 without calling it.
    assertThat(testing.getSpans()).isEmpty();
  }

  @Test
  void redactQueryKeepsAllButSensitiveValues() {
    SensitiveQueryParameters sensitive = SensitiveQueryParameters.configure(DefaultConfigProperties.createFromMap(Map.of()));
    assertThat(sensitive.redact("param=x&sig=secret")).isEqualTo("param=x&sig=REDACTED");
    assertThat(sensitive.redact("sig=a&sig=b&AWSAccessKeyId=k")).isEqualTo("sig=REDACTED&sig=REDACTED&AWSAccessKeyId=REDACTED");
    assertThat(sensitive.redact("sig&signature=x&param=")).isEqualTo("sig&signature=x&param=");
    assertThat(sensitive.redact("Signature=")).isEqualTo("Signature=REDACTED");
  }

  private HttpResponse<String> get(String pathAndQuery, Map<String, String> headers) throws Exception {
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
