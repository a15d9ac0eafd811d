package io.opentelemetry.example.autoinstrumentation.server.manual;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.example.autoinstrumentation.common.ServerSpanExpectations;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import spark.Service;

/** The hand-written OkHttp CLIENT span: its context in the request's headers, and a call that fails. */
class ClientSpanInterceptorTest {

  @RegisterExtension static final OpenTelemetryExtension testing = OpenTelemetryExtension.create();

  private final ClientSpanInterceptor interceptor =
      new ClientSpanInterceptor(testing.getOpenTelemetry(), DefaultConfigProperties.createFromMap(Map.of()));
  private final OkHttpClient http = new OkHttpClient.Builder().addNetworkInterceptor(interceptor).build();
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
  void notFoundIsAFailedCall() throws Exception {
    try (Response response = http.newCall(new Request.Builder().url(url("/no_such_route")).build()).execute()) {
      assertThat(response.code()).isEqualTo(404);
    }

    // For a client, unlike a server, a 4xx is a failed call.
    assertThat(testing.getSpans()).singleElement().satisfies(span -> {
      assertThat(span).hasName("GET").hasKind(SpanKind.CLIENT).hasStatus(StatusData.error());
      assertThat(ServerSpanExpectations.attributes(span))
          .containsEntry("http.response.status_code", 404L)
          .containsEntry("error.type", "404");
    });
  }

  @Test
  void theSpansContextTravelsInTheTraceparentHeader() throws Exception {
    String traceparent;
    try (Response response = http.newCall(new Request.Builder().url(url("/traceparent")).build()).execute()) {
      traceparent = response.body().string();
    }

    assertThat(testing.getSpans()).singleElement().satisfies(span ->
        assertThat(traceparent).isEqualTo(
            "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getSpanContext().getTraceFlags().asHex()));
  }

  @Test
  void urlFullHasCredentialsAndSignaturesRedacted() {
    assertThat(interceptor.urlFull(HttpUrl.get("http://user:secret@127.0.0.1:8082/x?param=a&sig=b")))
        .isEqualTo("http://REDACTED:REDACTED@127.0.0.1:8082/x?param=a&sig=REDACTED");
    assertThat(interceptor.urlFull(HttpUrl.get("http://127.0.0.1:8082/server_request?param=a")))
        .isEqualTo("http://127.0.0.1:8082/server_request?param=a");
  }

  @Test
  void urlFullFollowsTheAgentsSensitiveQueryParameters() {
    ClientSpanInterceptor configured = new ClientSpanInterceptor(testing.getOpenTelemetry(),
        DefaultConfigProperties.createFromMap(Map.of(ServerSpanExpectations.SENSITIVE_QUERY_PARAMETERS_KEY, "token")));
    assertThat(configured.urlFull(HttpUrl.get("http://127.0.0.1:8082/x?" + ServerSpanExpectations.QUERY_WITH_TOKEN)))
        .isEqualTo("http://127.0.0.1:8082/x?" + ServerSpanExpectations.QUERY_WITH_TOKEN_REDACTED);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }
}
