package io.opentelemetry.example.autoinstrumentation.server.programmatic;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.common.ServerAddress;
import io.opentelemetry.example.autoinstrumentation.common.ServerSpanExpectations;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import spark.Service;

/** The seed's server as shipped; the library's other behaviour is in SparkTelemetryTest. */
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
    assertThat(testing.getSpans()).singleElement().satisfies(span -> {
      ServerSpanExpectations.assertSeedRequestSpan(span, server.port(), "param=testing&sig=REDACTED");
      assertThat(span).hasTraceId("0af7651916cd43dd8448eb211c80319c").hasParentSpanId("b7ad6b7169203331");
    });
  }
}
