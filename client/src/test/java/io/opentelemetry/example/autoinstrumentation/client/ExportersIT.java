package io.opentelemetry.example.autoinstrumentation.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.example.autoinstrumentation.client.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.client.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.client.harness.ServerProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same OTEL_* variables switch every mode's exporters: spans to a collector, metrics to the console. */
class ExportersIT {

  @ParameterizedTest
  @EnumSource(Mode.class)
  void spansGoToAnOtlpHttpCollector(Mode mode) throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    collector.createContext("/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      // Protobuf keeps strings as UTF-8 bytes, so names and values can be found without decoding the message.
      received.add(exchange.getRequestURI().getPath() + " " + new String(body, StandardCharsets.ISO_8859_1));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    collector.start();
    try {
      ProcessOutput server = requestOnce(mode, running -> awaitTraces(received), Map.of(
          "OTEL_TRACES_EXPORTER", "otlp",
          "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
          "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.getAddress().getPort()));

      assertThat(server.spans()).as("nothing on the console any more").isEmpty();
      assertThat(received).filteredOn(request -> request.startsWith("/v1/traces "))
          .anySatisfy(request -> assertThat(request).contains("GET /server_request").contains(mode.module()));
    } finally {
      collector.stop(0);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void requestDurationMetricFromTheInstrumentedModes(Mode mode) throws Exception {
    ProcessOutput server = requestOnce(mode, running -> running.awaitSpans(1, Duration.ofSeconds(10)), Map.of("OTEL_METRICS_EXPORTER", "logging-otlp"));

    boolean hasDuration = server.stderr().stream().anyMatch(line -> line.contains("\"name\":\"http.server.request.duration\""));
    // The manual server writes a span by hand and records no metric; the agent and the library record both.
    assertThat(hasDuration).isEqualTo(mode != Mode.MANUAL);
  }

  private static void awaitTraces(List<String> received) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (received.stream().noneMatch(request -> request.startsWith("/v1/traces ")) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(50_000_000);
    }
  }

  /** One request; then, once {@code exported} has seen it out, a graceful stop. */
  private static ProcessOutput requestOnce(Mode mode, Consumer<ServerProcess> exported, Map<String, String> environment)
      throws IOException, InterruptedException {
    try (ServerProcess server = ServerProcess.start(mode, environment, Duration.ofSeconds(60))) {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(server.uri("/server_request?param=export")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).isEqualTo("served");
      exported.accept(server);
      return server.stop(); // the shutdown flush exports what the periodic readers and batch processors hold
    }
  }
}
