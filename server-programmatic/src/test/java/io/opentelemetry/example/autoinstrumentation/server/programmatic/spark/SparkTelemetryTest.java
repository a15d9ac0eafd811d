package io.opentelemetry.example.autoinstrumentation.server.programmatic.spark;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.example.autoinstrumentation.common.ServerSpanExpectations;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import spark.Service;

/** The library on a test app with the routes the seed lacks: a template, a failure, a child span. */
class SparkTelemetryTest {

  @RegisterExtension static final OpenTelemetryExtension testing = OpenTelemetryExtension.create();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Service app;

  private void serve(Consumer<SparkTelemetryBuilder> configuration) {
    app = Service.ignite().ipAddress("127.0.0.1").port(0);
    SparkTelemetryBuilder builder = SparkTelemetry.builder(testing.getOpenTelemetry());
    configuration.accept(builder);
    builder.build().instrument(app);
    app.get("/server_request", (request, response) -> "served");
    app.get("/users/:id", (request, response) -> "user " + request.params("id"));
    app.get("/boom", (request, response) -> {
      throw new IllegalStateException("boom");
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

    ServerSpanExpectations.assertSeedRequestSpan(onlySpan(), app.port(), "param=testing");
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
    app.get("/late/:name", (request, response) -> "late");
    testing.clearSpans();

    assertThat(get("/late/x", Map.of()).body()).isEqualTo("late");

    assertThat(onlySpan()).hasName("GET /late/:name");
  }

  @Test
  void childSpanIsUnderServerSpan() throws Exception {
    serve(builder -> {});
    get("/child", Map.of());

    assertThat(testing.getSpans()).hasSize(2);
    SpanData server = testing.getSpans().stream().filter(span -> span.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
    SpanData child = testing.getSpans().stream().filter(span -> span.getName().equals("child")).findFirst().orElseThrow();
    assertThat(child).hasParent(server);
    assertThat(Context.current()).as("nothing leaks into the test's thread").isEqualTo(Context.root());
  }

  @Test
  void excludedUrlsMatchTheWholePath() throws Exception {
    serve(builder -> builder.setExcludedUrls(List.of("/server_request", "/child")));
    assertThat(get("/server_request?param=x", Map.of()).body()).isEqualTo("served");
    assertThat(get("/server_request_x", Map.of()).statusCode()).isEqualTo(404);
    get("/child", Map.of());

    // Neither excluded request leaves a span, nor a child span; the non-matching path is still traced.
    assertThat(testing.getSpans()).singleElement().satisfies(span ->
        assertThat(ServerSpanExpectations.attributes(span)).containsEntry("url.path", "/server_request_x"));
    assertThat(durationPoints()).isEqualTo(1);
  }

  @Test
  void excludedUrlsFromConfiguration() throws Exception {
    serve(builder -> builder.configure(DefaultConfigProperties.createFromMap(
        Map.of("otel.instrumentation.spark.excluded-urls", "/users/.*"))));
    get("/users/7", Map.of());
    get("/server_request", Map.of());

    assertThat(testing.getSpans()).singleElement().satisfies(span -> assertThat(span).hasName("GET /server_request"));
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

  /** The span ends in Spark's afterAfter filter, before the response is written, so it is there once the response is. */
  private SpanData onlySpan() {
    assertThat(testing.getSpans()).hasSize(1);
    return testing.getSpans().get(0);
  }
}
