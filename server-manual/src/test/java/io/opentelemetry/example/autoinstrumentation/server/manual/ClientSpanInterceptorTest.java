package io.opentelemetry.example.autoinstrumentation.server.manual;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.example.autoinstrumentation.common.ServerSpanExpectations;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import spark.Service;

/** The hand-written OkHttp CLIENT span: its context in the request's headers, and upstream's conventions on it. */
class ClientSpanInterceptorTest {

  @RegisterExtension static final OpenTelemetryExtension testing = OpenTelemetryExtension.create();

  private final OkHttpClient http = new OkHttpClient.Builder()
      .addNetworkInterceptor(new ClientSpanInterceptor(testing.getOpenTelemetry()))
      .retryOnConnectionFailure(false) // one attempt, one span
      .build();
  private Service server;

  @BeforeEach
  void start() {
    server = Service.ignite().ipAddress("127.0.0.1").port(0);
    server.get("/traceparent", (request, response) -> request.headers("traceparent"));
    server.awaitInitialization();
  }

  @AfterEach
  void stop() {
    server.stop();
    server.awaitStop();
  }

  @Test
  void theSpansContextTravelsInTheTraceparentHeader() throws Exception {
    String traceparent;
    try (Response response = http.newCall(new Request.Builder().url(url("/traceparent")).build()).execute()) {
      traceparent = response.body().string();
    }

    assertThat(testing.getSpans()).singleElement().satisfies(span -> {
      assertThat(span).hasName("GET").hasKind(SpanKind.CLIENT).hasStatus(StatusData.unset());
      assertThat(traceparent).isEqualTo(
          "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getSpanContext().getTraceFlags().asHex());
    });
  }

  @Test
  void notFoundIsAFailedCall() throws Exception {
    try (Response response = http.newCall(new Request.Builder().url(url("/no_such_route")).build()).execute()) {
      assertThat(response.code()).isEqualTo(404);
    }

    // For a client, unlike a server, a 4xx is a failed call: upstream's rule.
    assertThat(testing.getSpans()).singleElement().satisfies(span -> {
      assertThat(span).hasStatus(StatusData.error());
      assertThat(ServerSpanExpectations.attributes(span))
          .containsEntry("http.response.status_code", 404L)
          .containsEntry("error.type", "404");
    });
  }

  /** Upstream's conventions code redacts what a URL may carry: credentials, and signatures in the query. */
  @Test
  void urlFullIsRedactedByUpstreamsConventions() throws Exception {
    String url = "http://user:secret@127.0.0.1:" + server.port() + "/traceparent?param=a&sig=b";
    http.newCall(new Request.Builder().url(url).build()).execute().close();

    assertThat(ServerSpanExpectations.attributes(testing.getSpans().get(0))).containsEntry("url.full",
        "http://REDACTED:REDACTED@127.0.0.1:" + server.port() + "/traceparent?param=a&sig=REDACTED");
  }

  /** A peer that hangs up without answering: the span records the exception, and names its class as the error. */
  @Test
  void aCallWithoutAnAnswerRecordsItsException() throws Exception {
    try (ServerSocket hangsUp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread peer = new Thread(() -> {
        try (Socket accepted = hangsUp.accept()) {
          accepted.getInputStream().read(); // the request has begun; close without a word
        } catch (IOException ignored) {
          // the test fails on the client's side if this one does
        }
      });
      peer.start();
      Request request = new Request.Builder().url("http://127.0.0.1:" + hangsUp.getLocalPort() + "/x").build();
      assertThatThrownBy(() -> http.newCall(request).execute()).isInstanceOf(IOException.class);
      peer.join();
    }

    assertThat(testing.getSpans()).singleElement().satisfies(span -> {
      assertThat(span).hasStatus(StatusData.error()).hasEventsSatisfyingExactly(event -> event.hasName("exception"));
      assertThat(ServerSpanExpectations.attributes(span))
          .containsKey("error.type")
          .doesNotContainKey("http.response.status_code");
    });
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }
}
