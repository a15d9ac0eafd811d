package io.opentelemetry.example.autoinstrumentation.client;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_METHOD;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_RESPONSE_STATUS_CODE;
import static io.opentelemetry.semconv.NetworkAttributes.NETWORK_PROTOCOL_VERSION;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_ADDRESS;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_PORT;
import static io.opentelemetry.semconv.UrlAttributes.URL_FULL;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client's own spans, tested as any code that makes spans can be: it takes an {@code OpenTelemetry}, and the test
 * hands it an SDK that keeps every span in memory. docs/testing-your-spans.md shows this file.
 */
class ClientTest {

  // tag::in-memory[]
  @RegisterExtension
  static final OpenTelemetryExtension otelTesting = OpenTelemetryExtension.create(); // an SDK that keeps spans in memory

  @Test
  void theCallIsAClientSpanUnderTheRootSpanAndCarriesItsContext() {
    int port = server.getAddress().getPort();
    URI uri = URI.create("http://127.0.0.1:" + port + "/server_request?param=testing");

    int exitCode = Client.call(otelTesting.getOpenTelemetry(), uri, Duration.ofSeconds(5)); // the code under test

    assertThat(exitCode).isZero();
    otelTesting.assertTraces().hasTracesSatisfyingExactly(trace -> trace.hasSpansSatisfyingExactly(
        root -> root.hasName("client").hasKind(SpanKind.INTERNAL).hasNoParent(),
        call -> call.hasName("GET").hasKind(SpanKind.CLIENT).hasParent(trace.getSpan(0))
            .hasAttributesSatisfyingExactly(
                equalTo(HTTP_REQUEST_METHOD, "GET"),
                equalTo(URL_FULL, uri.toString()),
                equalTo(SERVER_ADDRESS, "127.0.0.1"),
                equalTo(SERVER_PORT, port),
                equalTo(HTTP_RESPONSE_STATUS_CODE, 200),
                equalTo(NETWORK_PROTOCOL_VERSION, "1.1"))));
    // The request carried the CLIENT span's context: the server's span will be its child.
    SpanData call = otelTesting.getSpans().stream().filter(span -> span.getKind() == SpanKind.CLIENT).findFirst()
        .orElseThrow();
    assertThat(traceparent.get()).startsWith("00-" + call.getTraceId() + "-" + call.getSpanId() + "-");
  }
  // end::in-memory[]

  private HttpServer server;
  private final AtomicReference<String> traceparent = new AtomicReference<>();

  /** A server that answers {@code served} and keeps the {@code traceparent} header the call carried. */
  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/server_request", exchange -> {
      traceparent.set(exchange.getRequestHeaders().getFirst("traceparent"));
      byte[] body = "served".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }
}
