package io.opentelemetry.example.autoinstrumentation.server.programmatic;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.common.RealHandler;
import io.opentelemetry.example.autoinstrumentation.common.RealHandlerExpectations;
import io.opentelemetry.example.autoinstrumentation.common.RealHandlerExpectations.TraceSpan;
import io.opentelemetry.example.autoinstrumentation.common.ServerAddress;
import io.opentelemetry.example.autoinstrumentation.common.ServerSpanExpectations;
import io.opentelemetry.example.autoinstrumentation.spark.v2_6.SparkTelemetry;
import io.opentelemetry.instrumentation.jdbc.datasource.JdbcTelemetry;
import io.opentelemetry.instrumentation.okhttp.v3_0.OkHttpTelemetry;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import spark.Service;
import spark.embeddedserver.EmbeddedServers;

/** The server as shipped, its routes and its settings; the library's own behaviour is tested in its module. */
class ServerProgrammaticTest {

  @RegisterExtension static final OpenTelemetryExtension testing = OpenTelemetryExtension.create();

  private Service server;

  /** The server with the OTEL_* settings {@code settings} gives, as their otel.* properties. */
  private void start(Map<String, String> settings) {
    server = ServerProgrammatic.serve(testing.getOpenTelemetry(), DefaultConfigProperties.createFromMap(settings),
        new ServerAddress("127.0.0.1", 0));
    server.awaitInitialization();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
      server.awaitStop();
    }
  }

  @Test
  void successfulGetRequestWithParent() throws Exception {
    start(Map.of());
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/server_request?param=testing&sig=secret"))
            .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.body()).isEqualTo("served");
    spans(1); // the span ends once Jetty has sent the answer, which the client may have read before
    assertThat(testing.getSpans()).singleElement().satisfies(span -> {
      ServerSpanExpectations.assertServerRequestSpan(span, server.port(), "param=testing&sig=REDACTED");
      assertThat(span).hasTraceId("0af7651916cd43dd8448eb211c80319c").hasParentSpanId("b7ad6b7169203331");
    });
  }

  @Test
  void realHandlerIsOneTraceOfFourSpans() throws Exception {
    start(Map.of());
    assertThat(get(server, "/real_handler?param=testing").body()).isEqualTo("{\"server_request\":200,\"orders\":2}");

    RealHandlerExpectations.Tree tree = RealHandlerExpectations.assertTree(spans(4), server.port(), "testing");
    assertThat(tree.handler().parentSpanId()).isEmpty();
  }

  /** Why the server wraps its executor: without the hand-off, the query's span starts a trace of its own. */
  @Test
  void withoutTaskWrappingTheQueryStartsANewTrace() throws Exception {
    EmbeddedServers.add(ServerProgrammatic.TRACED_JETTY,
        SparkTelemetry.create(testing.getOpenTelemetry()).createEmbeddedServerFactory());
    Service unwrapped = Service.ignite().ipAddress("127.0.0.1").port(0);
    unwrapped.embeddedServerIdentifier(ServerProgrammatic.TRACED_JETTY);
    try {
      unwrapped.get("/server_request", (request, response) -> "served");
      unwrapped.get(RealHandler.PATH, new RealHandler(
          OkHttpTelemetry.create(testing.getOpenTelemetry()).createCallFactory(new OkHttpClient()),
          JdbcTelemetry.create(testing.getOpenTelemetry()).wrap(RealHandler.database()),
          RealHandler.executor()));
      unwrapped.awaitInitialization();
      get(unwrapped, "/real_handler?param=testing");

      List<TraceSpan> spans = spans(4);
      TraceSpan handler = spans.stream().filter(span -> span.name().equals("GET /real_handler")).findFirst().orElseThrow();
      assertThat(spans).filteredOn(span -> span.name().startsWith("SELECT")).singleElement().satisfies(query -> {
        assertThat(query.parentSpanId()).isEmpty();
        assertThat(query.traceId()).isNotEqualTo(handler.traceId());
      });
    } finally {
      unwrapped.stop();
      unwrapped.awaitStop();
    }
  }

  @Test
  void excludedUrlsFromConfiguration() throws Exception {
    start(Map.of(SparkTelemetrySetup.EXCLUDED_URLS, "/server_request"));
    get(server, "/server_request?param=excluded");
    get(server, "/real_handler?param=traced"); // which calls /server_request: its CLIENT span stays, no SERVER span

    assertThat(spans(3)).extracting(TraceSpan::name).contains("GET /real_handler").doesNotContain("GET /server_request");
  }

  @Test
  void sensitiveQueryParametersFromConfiguration() throws Exception {
    start(Map.of(ServerSpanExpectations.SENSITIVE_QUERY_PARAMETERS_KEY, "token"));
    get(server, "/server_request?" + ServerSpanExpectations.QUERY_WITH_TOKEN);

    spans(1);
    assertThat(ServerSpanExpectations.attributes(testing.getSpans().get(0)))
        .containsEntry("url.query", ServerSpanExpectations.QUERY_WITH_TOKEN_REDACTED);
  }

  @Test
  void capturedAndSensitiveHeadersFromConfiguration() throws Exception {
    start(Map.of(
        SparkTelemetrySetup.CAPTURE_REQUEST_HEADERS, "X-Request-Id,User-Agent,Cookie",
        SparkTelemetrySetup.CAPTURE_RESPONSE_HEADERS, "Content-Type",
        SparkTelemetrySetup.SENSITIVE_HEADERS, "X-Request-Id"));
    HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/server_request?param=h"))
            .header("X-Request-Id", "r-42").header("Cookie", "session=secret").header("User-Agent", "agent/1.0")
            .timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());

    spans(1);
    assertThat(ServerSpanExpectations.attributes(testing.getSpans().get(0)))
        .containsEntry("http.request.header.x-request-id", List.of("REDACTED"))
        .containsEntry("http.request.header.cookie", List.of("REDACTED"))
        .containsEntry("http.request.header.user-agent", List.of("agent/1.0"))
        .containsEntry("http.response.header.content-type", List.of("text/html;charset=utf-8"));
  }

  @Test
  void knownMethodsAndExperimentalTelemetryFromConfiguration() throws Exception {
    start(Map.of(
        SparkTelemetrySetup.KNOWN_METHODS, "POST",
        SparkTelemetrySetup.EMIT_EXPERIMENTAL_TELEMETRY, "true"));
    HttpClient.newHttpClient().send( // a GET with a 5-byte body, whose size the experimental telemetry reports
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/server_request?param=m"))
            .method("GET", HttpRequest.BodyPublishers.ofString("hello")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());

    spans(1);
    assertThat(ServerSpanExpectations.attributes(testing.getSpans().get(0)))
        .containsEntry("http.request.method", "_OTHER")
        .containsEntry("http.request.method_original", "GET")
        .containsEntry("http.request.body.size", 5L);
  }

  private static HttpResponse<String> get(Service service, String pathAndQuery) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + pathAndQuery))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The spans, once there are {@code count}: the library ends a SERVER span after Spark has sent the response. */
  private static List<TraceSpan> spans(int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (testing.getSpans().size() < count && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    return testing.getSpans().stream().map(TraceSpan::of).toList();
  }
}
