package io.opentelemetry.example.autoinstrumentation.server.programmatic;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.common.RealHandler;
import io.opentelemetry.example.autoinstrumentation.common.RealHandlerExpectations;
import io.opentelemetry.example.autoinstrumentation.common.RealHandlerExpectations.TraceSpan;
import io.opentelemetry.example.autoinstrumentation.common.ServerAddress;
import io.opentelemetry.example.autoinstrumentation.common.ServerSpanExpectations;
import io.opentelemetry.example.autoinstrumentation.server.programmatic.spark.SparkTelemetry;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import spark.Service;

/** The server as shipped, both routes; the library's other behaviour is in SparkTelemetryTest. */
class ServerProgrammaticTest {

  @RegisterExtension static final OpenTelemetryExtension testing = OpenTelemetryExtension.create();

  private Service server;

  @BeforeEach
  void start() {
    server = ServerProgrammatic.serve(testing.getOpenTelemetry(), DefaultConfigProperties.createFromMap(Map.of()),
        new ServerAddress("127.0.0.1", 0));
    server.awaitInitialization();
  }

  @AfterEach
  void stop() {
    server.stop();
    server.awaitStop();
  }

  @Test
  void successfulGetRequestWithParent() throws Exception {
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
    assertThat(get(server, "/real_handler?param=testing").body()).isEqualTo("{\"server_request\":200,\"orders\":2}");

    RealHandlerExpectations.Tree tree = RealHandlerExpectations.assertTree(spans(4), server.port(), "testing");
    assertThat(tree.handler().parentSpanId()).isEmpty();
  }

  /** Why the server wraps its executor: without the hand-off, the query's span starts a trace of its own. */
  @Test
  void withoutTaskWrappingTheQueryStartsANewTrace() throws Exception {
    Service unwrapped = Service.ignite().ipAddress("127.0.0.1").port(0);
    try {
      SparkTelemetry.create(testing.getOpenTelemetry()).instrument(unwrapped);
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
