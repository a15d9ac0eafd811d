package io.opentelemetry.example.autoinstrumentation.spark.v2_6;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.example.autoinstrumentation.common.ServerSpanExpectations;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesExtractor;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import spark.Service;
import spark.embeddedserver.EmbeddedServers;
import spark.embeddedserver.jetty.JettyServerFactory;

/** The library on a test app with the routes the example's server lacks: templates, failures, a child span. */
class SparkTelemetryTest {

  @RegisterExtension static final OpenTelemetryExtension testing = OpenTelemetryExtension.create();

  /** Jetty threads: few, so that a scope leaked on one of them shows in the requests that follow. */
  static final int THREADS = 8;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Service app;

  /** The embedded server this test's services ask Spark for: Spark's default identifier is left alone. */
  static final String TRACED_JETTY = "SparkTelemetryTest";

  private void serve(Consumer<SparkTelemetryBuilder> configuration) {
    serve(configuration, null);
  }

  private void serve(Consumer<SparkTelemetryBuilder> configuration, JettyServerFactory userServers) {
    SparkTelemetryBuilder builder = SparkTelemetry.builder(testing.getOpenTelemetry());
    configuration.accept(builder);
    SparkTelemetry telemetry = builder.build();
    EmbeddedServers.add(TRACED_JETTY, userServers == null
        ? telemetry.createEmbeddedServerFactory()
        : telemetry.createEmbeddedServerFactory(userServers));
    app = Service.ignite().ipAddress("127.0.0.1").port(0).threadPool(THREADS);
    app.embeddedServerIdentifier(TRACED_JETTY);
    // An application filter that fails after its route has answered: when the library traced with a pair of
    // filters, such a failure could skip the one that ended the span, leaving it open and current on its thread.
    app.get("/fail/filter", (request, response) -> "answered");
    app.afterAfter("/fail/filter", (request, response) -> {
      throw new IllegalStateException("afterAfter failed");
    });
    app.get("/server_request", (request, response) -> "served");
    app.post("/orders", (request, response) -> "ordered");
    app.get("/fail/error", (request, response) -> {
      throw new AssertionError("an Error, which Spark does not catch");
    });
    app.get("/fail/halt", (request, response) -> {
      throw app.halt(401, "halted");
    });
    app.get("/fail/unavailable", (request, response) -> {
      response.status(503);
      return "unavailable";
    });
    app.get("/users/:id", (request, response) -> "user " + request.params("id"));
    app.get("/boom", (request, response) -> {
      throw new IllegalStateException("boom");
    });
    app.get("/current", (request, response) -> {
      SpanContext current = Span.current().getSpanContext();
      return current.getTraceId() + (current.isSampled() ? " sampled" : " not sampled");
    });
    app.get("/child", (request, response) -> {
      testing.getOpenTelemetry().getTracer("test").spanBuilder("child").startSpan().end();
      return "parent";
    });
    app.awaitInitialization();
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.stop();
      app.awaitStop();
    }
  }

  @Test
  void successfulGetRequest() throws Exception {
    serve(builder -> {});
    assertThat(get("/server_request?param=testing", Map.of()).body()).isEqualTo("served");

    ServerSpanExpectations.assertServerRequestSpan(onlySpan(), app.port(), "param=testing");
    assertThat(onlySpan().getInstrumentationScopeInfo()).satisfies(scope -> {
      assertThat(scope.getName()).isEqualTo("io.opentelemetry.example.spark-2.6");
      assertThat(scope.getVersion()).as("from the properties file the build writes").matches("\\d+\\.\\d+.*");
      assertThat(scope.getSchemaUrl()).isEqualTo("https://opentelemetry.io/schemas/1.41.0");
    });
  }

  @Test
  void requestForNotFound() throws Exception {
    serve(builder -> {});
    assertThat(get("/no_such_route", Map.of()).statusCode()).isEqualTo(404);

    assertThat(onlySpan()).hasName("GET").hasKind(SpanKind.SERVER).hasStatus(StatusData.unset());
    assertThat(ServerSpanExpectations.attributes(onlySpan()))
        .doesNotContainKey("http.route")
        .containsEntry("http.response.status_code", 404L);
  }

  @Test
  void requestWithException() throws Exception {
    serve(builder -> {});
    assertThat(get("/boom", Map.of()).statusCode()).isEqualTo(500);

    SpanData span = onlySpan();
    assertThat(span).hasName("GET /boom").hasEvents(List.of());
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(ServerSpanExpectations.attributes(span))
        .containsEntry("http.route", "/boom")
        .containsEntry("http.response.status_code", 500L)
        .containsEntry("error.type", "500");
  }

  @Test
  void requestWithError() throws Exception {
    serve(builder -> {});
    assertThat(get("/fail/error", Map.of()).statusCode()).isEqualTo(500);

    SpanData span = onlySpan();
    assertThat(span).hasName("GET /fail/error").hasStatus(StatusData.error());
    assertThat(span.getEvents()).singleElement().satisfies(event -> assertThat(event.getName()).isEqualTo("exception"));
    assertThat(ServerSpanExpectations.attributes(span))
        .containsEntry("http.route", "/fail/error")
        .containsEntry("http.response.status_code", 500L)
        .containsEntry("error.type", "500");
  }

  @Test
  void haltIsAnAnswerNotAFailure() throws Exception {
    serve(builder -> {});
    assertThat(get("/fail/halt", Map.of()).statusCode()).isEqualTo(401);

    assertThat(onlySpan()).hasName("GET /fail/halt").hasStatus(StatusData.unset()).hasEvents(List.of());
    assertThat(ServerSpanExpectations.attributes(onlySpan()))
        .containsEntry("http.response.status_code", 401L)
        .doesNotContainKey("error.type");
  }

  @Test
  void serviceUnavailableIsAnError() throws Exception {
    serve(builder -> {});
    assertThat(get("/fail/unavailable", Map.of()).statusCode()).isEqualTo(503);

    assertThat(onlySpan()).hasName("GET /fail/unavailable").hasStatus(StatusData.error()).hasEvents(List.of());
    assertThat(ServerSpanExpectations.attributes(onlySpan())).containsEntry("error.type", "503");
  }

  @Test
  void routeIsTheOneSparkMatchedWithMethodOverride() throws Exception {
    serve(builder -> {});
    // Spark routes by X-HTTP-Method-Override: this GET runs the POST route.
    assertThat(get("/orders", Map.of("X-HTTP-Method-Override", "POST")).body()).isEqualTo("ordered");

    assertThat(onlySpan()).hasName("GET /orders");
    assertThat(ServerSpanExpectations.attributes(onlySpan()))
        .containsEntry("http.request.method", "GET")
        .containsEntry("http.route", "/orders");
  }

  @Test
  void failuresLeaveNoSpanOpenOrCurrent() throws Exception {
    serve(builder -> {});
    List<String> failures = List.of("/fail/error", "/fail/filter", "/fail/halt", "/boom");
    int failing = 3 * THREADS * failures.size();
    for (int i = 0; i < failing; i++) {
      assertThat(get(failures.get(i % failures.size()), Map.of()).statusCode()).isIn(500, 401);
    }
    int following = 30;
    for (int i = 0; i < following; i++) {
      get("/server_request?param=" + i, Map.of());
    }

    // Every request, failed or not, has exactly one span of its own; none is nested in a span an earlier request left
    // current on its thread.
    assertThat(spans(failing + following)).hasSize(failing + following)
        .allSatisfy(span -> assertThat(span).hasKind(SpanKind.SERVER).hasNoParent());
    assertThat(testing.getSpans()).filteredOn(span -> span.getName().equals("GET /server_request")).hasSize(following);
  }

  /**
   * With a websocket route, Spark's server answers the upgrade, and every path Spark has no route for, from the routes'
   * servlet context behind Spark's own handler: the span covers that context, and names the route as the agent does.
   */
  @Test
  void websocketRouteAndWhatSparkLeavesToItsContext() throws Exception {
    EmbeddedServers.add(TRACED_JETTY, SparkTelemetry.create(testing.getOpenTelemetry()).createEmbeddedServerFactory());
    app = Service.ignite().ipAddress("127.0.0.1").port(0);
    app.embeddedServerIdentifier(TRACED_JETTY);
    app.webSocket("/ws", Echo.class);
    app.get("/server_request", (request, response) -> "served");
    app.awaitInitialization();

    WebSocket socket = http.newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + app.port() + "/ws"), new WebSocket.Listener() {})
        .get(10, TimeUnit.SECONDS);
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
    spans(1);
    assertThat(get("/no_such_route", Map.of()).statusCode()).isEqualTo(404);
    get("/server_request", Map.of());

    assertThat(spans(3)).extracting(span -> ServerSpanExpectations.attributes(span).get("http.response.status_code"))
        .containsExactly(101L, 404L, 200L);
    assertThat(testing.getSpans()).extracting(SpanData::getName).containsExactly("GET /*", "GET /*", "GET /server_request");
  }

  /** The websocket route's handler: echoes each message. */
  @org.eclipse.jetty.websocket.api.annotations.WebSocket // java.net.http.WebSocket is the client
  public static final class Echo {
    @OnWebSocketMessage
    public void onMessage(Session session, String message) throws IOException {
      session.getRemote().sendString(message);
    }
  }

  @Test
  void routeTemplate() throws Exception {
    serve(builder -> {});
    assertThat(get("/users/42", Map.of()).body()).isEqualTo("user 42");

    assertThat(onlySpan()).hasName("GET /users/:id");
    assertThat(ServerSpanExpectations.attributes(onlySpan())).containsEntry("http.route", "/users/:id");
  }

  @Test
  void routeDeclaredAfterTheFirstRequest() throws Exception {
    serve(builder -> {});
    get("/server_request", Map.of());
    spans(1); // that request's span can end just after its response is read: clear it only once it is there
    app.get("/late/:name", (request, response) -> "late");
    testing.clearSpans();

    assertThat(get("/late/x", Map.of()).body()).isEqualTo("late");

    assertThat(onlySpan()).hasName("GET /late/:name");
  }

  @Test
  void childSpanIsUnderServerSpan() throws Exception {
    serve(builder -> {});
    get("/child", Map.of());

    assertThat(spans(2)).hasSize(2);
    SpanData server = testing.getSpans().stream().filter(span -> span.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
    SpanData child = testing.getSpans().stream().filter(span -> span.getName().equals("child")).findFirst().orElseThrow();
    assertThat(child).hasParent(server);
  }

  @Test
  void excludedUrlsMatchTheWholePath() throws Exception {
    serve(builder -> builder.setExcludedUrls(List.of("/server_request", "/child")));
    assertThat(get("/server_request?param=x", Map.of()).body()).isEqualTo("served");
    assertThat(get("/server_request_x", Map.of()).statusCode()).isEqualTo(404);
    get("/child", Map.of());

    // Neither excluded request leaves a span, nor a child span; the non-matching path is still traced.
    assertThat(spans(1)).singleElement().satisfies(span ->
        assertThat(ServerSpanExpectations.attributes(span)).containsEntry("url.path", "/server_request_x"));
    assertThat(durationPoints()).isEqualTo(1);
  }

  /** An excluded request stays in its caller's trace, unsampled, as under the agent's sampler: its logs say so. */
  @Test
  void excludedUrlsKeepTheCallersTrace() throws Exception {
    serve(builder -> builder.setExcludedUrls(List.of("/current")));

    assertThat(get("/current", Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")).body())
        .isEqualTo("0af7651916cd43dd8448eb211c80319c not sampled");
    assertThat(get("/current", Map.of()).body()).matches("[0-9a-f]{32} not sampled");
    assertThat(spans(0)).isEmpty();
  }

  @Test
  void sensitiveQueryParametersReplaceUpstreamsList() throws Exception {
    serve(builder -> builder.setSensitiveQueryParameters(List.of("token")));
    get("/server_request?" + ServerSpanExpectations.QUERY_WITH_TOKEN, Map.of());

    assertThat(ServerSpanExpectations.attributes(onlySpan()))
        .containsEntry("url.query", ServerSpanExpectations.QUERY_WITH_TOKEN_REDACTED);
  }

  @Test
  void upstreamsSensitiveQueryParametersByDefault() throws Exception {
    serve(builder -> {});
    get("/server_request?" + ServerSpanExpectations.QUERY_WITH_TOKEN, Map.of());

    assertThat(ServerSpanExpectations.attributes(onlySpan())).containsEntry("url.query", "param=x&token=abc&sig=REDACTED");
  }

  @Test
  void captureHttpHeaders() throws Exception {
    serve(builder -> builder
        .setCapturedRequestHeaders(List.of("X-Custom", "User-Agent", "Cookie"))
        .setCapturedResponseHeaders(List.of("Content-Type")));
    // java.net.http sends a repeated header as two lines, which is what this checks.
    get("/server_request", Map.of("X-Custom", "a", "Cookie", "session=secret"), "X-Custom", "b");

    assertThat(ServerSpanExpectations.attributes(onlySpan()))
        .containsEntry("http.request.header.x-custom", List.of("a", "b"))
        .containsEntry("http.request.header.cookie", List.of("REDACTED"))
        .containsKey("http.request.header.user-agent")
        .containsEntry("http.response.header.content-type", List.of("text/html;charset=utf-8"));
  }

  /** Declaring a header sensitive hides its captured value, never what the conventions read from it. */
  @Test
  void sensitiveHeadersAreRedactedOnlyWhereCaptured() throws Exception {
    List<String> headers = List.of("Host", "User-Agent", "X-Forwarded-For");
    serve(builder -> builder.addSensitiveHeaders(headers).setCapturedRequestHeaders(headers));
    get("/server_request", Map.of("User-Agent", "agent/1.0", "X-Forwarded-For", "198.51.100.9"));

    assertThat(ServerSpanExpectations.attributes(onlySpan()))
        .containsEntry("server.address", "127.0.0.1")
        .containsEntry("user_agent.original", "agent/1.0")
        .containsEntry("client.address", "198.51.100.9")
        .containsEntry("http.request.header.host", List.of("REDACTED"))
        .containsEntry("http.request.header.user-agent", List.of("REDACTED"))
        .containsEntry("http.request.header.x-forwarded-for", List.of("REDACTED"));
  }

  /** The application's own Jetty set-up (here its thread pool) is the server that answers, traced. */
  @Test
  void usersJettyServerFactoryIsKept() throws Exception {
    serve(builder -> {}, new JettyServerFactory() {
      @Override
      public Server create(int maxThreads, int minThreads, int threadTimeoutMillis) {
        QueuedThreadPool pool = new QueuedThreadPool(THREADS);
        pool.setName("users-pool");
        return new Server(pool);
      }

      @Override
      public Server create(ThreadPool threadPool) {
        return create(0, 0, 0);
      }
    });
    app.get("/thread", (request, response) -> Thread.currentThread().getName());

    assertThat(get("/thread", Map.of()).body()).startsWith("users-pool");
    assertThat(onlySpan()).hasName("GET /thread");
  }

  /**
   * A SERVER span that another instrumentation started in front of Spark's handlers (here the application's own
   * server, as the agent's Jetty instrumentation starts one) stays the request's span, excluded URL or not: the library
   * stands aside, and a span the route makes is that span's child.
   */
  @Test
  void anotherServerSpanIsNeverReplaced() throws Exception {
    // An HTTP server Instrumenter, as the agent's Jetty instrumentation is: its SERVER span is one others recognise.
    Instrumenter<HttpServletRequest, HttpServletResponse> another = Instrumenter.<HttpServletRequest, HttpServletResponse>builder(
        testing.getOpenTelemetry(), "another-instrumentation", request -> "outer")
        .addAttributesExtractor(HttpServerAttributesExtractor.create(new SparkHttpAttributesGetter()))
        .buildServerInstrumenter(HttpServletRequestGetter.INSTANCE);
    serve(builder -> builder.setExcludedUrls(List.of("/child")), new JettyServerFactory() {
      @Override
      public Server create(int maxThreads, int minThreads, int threadTimeoutMillis) {
        return new Server() {
          @Override
          public void handle(HttpChannel channel) throws IOException, ServletException {
            Context context = another.start(Context.current(), channel.getRequest());
            try (Scope ignored = context.makeCurrent()) {
              super.handle(channel);
            } finally {
              another.end(context, channel.getRequest(), channel.getResponse(), null);
            }
          }
        };
      }

      @Override
      public Server create(ThreadPool threadPool) {
        return create(0, 0, 0);
      }
    });
    get("/child", Map.of());
    get("/server_request", Map.of());

    List<SpanData> spans = spans(3);
    assertThat(spans).extracting(SpanData::getName).containsExactlyInAnyOrder("outer", "child", "outer");
    SpanData child = spans.stream().filter(span -> span.getName().equals("child")).findFirst().orElseThrow();
    assertThat(spans).filteredOn(span -> span.getSpanId().equals(child.getParentSpanId()))
        .singleElement().satisfies(parent -> assertThat(parent).hasName("outer").hasKind(SpanKind.SERVER));
  }

  @Test
  void clientAddressBehindAProxy() throws Exception {
    serve(builder -> {});
    List<ServerSpanExpectations.BehindAProxy> requests = ServerSpanExpectations.BEHIND_A_PROXY;
    for (int i = 0; i < requests.size(); i++) {
      get("/server_request", requests.get(i).headers());

      assertThat(ServerSpanExpectations.attributes(spans(i + 1).get(i)))
          .as("%s", requests.get(i).headers()).containsEntry("client.address", requests.get(i).clientAddress());
    }
  }

  @Test
  void hostBehindAProxy() throws Exception {
    serve(builder -> {});
    List<ServerSpanExpectations.ProxiedHost> requests = ServerSpanExpectations.PROXIED_HOSTS;
    for (int i = 0; i < requests.size(); i++) {
      get("/server_request", requests.get(i).headers());

      Map<String, Object> attributes = ServerSpanExpectations.attributes(spans(i + 1).get(i));
      assertThat(attributes).as("%s", requests.get(i).headers())
          .containsEntry("server.address", requests.get(i).serverAddress());
      assertThat(attributes.get("server.port")).as("%s", requests.get(i).headers()).isEqualTo(requests.get(i).serverPort());
    }
  }

  @Test
  void unknownMethodIsOther() throws Exception {
    serve(builder -> {});
    try (Socket socket = new Socket("127.0.0.1", app.port())) {
      socket.getOutputStream().write(
          "FOO /server_request HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 404");
    }

    assertThat(onlySpan()).hasName("HTTP");
    assertThat(ServerSpanExpectations.attributes(onlySpan()))
        .containsEntry("http.request.method", "_OTHER")
        .containsEntry("http.request.method_original", "FOO");
  }

  @Test
  void requestDurationMetric() throws Exception {
    serve(builder -> {});
    get("/server_request", Map.of());

    assertThat(spans(1)).hasSize(1); // the duration is recorded as the span ends
    assertThat(durationPoints()).isEqualTo(1);
  }

  private long durationPoints() {
    return testing.getMetrics().stream()
        .filter(metric -> metric.getName().equals("http.server.request.duration"))
        .map(MetricData::getHistogramData)
        .flatMap(histogram -> histogram.getPoints().stream())
        .mapToLong(point -> point.getCount())
        .sum();
  }

  private HttpResponse<String> get(String pathAndQuery, Map<String, String> headers, String... moreHeaders)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + pathAndQuery))
        .timeout(Duration.ofSeconds(10));
    headers.forEach(request::header);
    for (int i = 0; i < moreHeaders.length; i += 2) {
      request.header(moreHeaders[i], moreHeaders[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private SpanData onlySpan() throws InterruptedException {
    assertThat(spans(1)).hasSize(1);
    return testing.getSpans().get(0);
  }

  /**
   * The spans, once there are {@code count} of them and no more come for a moment. A span ends when Spark's handler
   * returns, which can be just after Spark has closed the response and the client has read it; an extra span, such as
   * a child that escaped an excluded request, would end as late.
   */
  private List<SpanData> spans(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (testing.getSpans().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    Thread.sleep(100);
    return testing.getSpans();
  }
}
