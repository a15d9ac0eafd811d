package io.opentelemetry.example.autoinstrumentation.client.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OTLP/HTTP receiver on loopback that keeps nothing: it counts the server spans in each export and answers 200.
 * Every variant exports to it the same way, so the exporter costs all of them alike and little.
 */
final class NullCollector implements AutoCloseable {

  /** In OTLP protobuf a span's name is stored as plain UTF-8, once per span, and no other field holds this text. */
  private static final byte[] SPAN_NAME = "GET /server_request".getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final AtomicLong spans = new AtomicLong();

  NullCollector() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "null-collector");
      thread.setDaemon(true);
      return thread;
    }));
    server.createContext("/", exchange -> {
      try (InputStream body = exchange.getRequestBody()) {
        if (exchange.getRequestURI().getPath().equals("/v1/traces")) {
          spans.addAndGet(count(body.readAllBytes()));
        } else {
          body.transferTo(OutputStreamSink.INSTANCE);
        }
      }
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  long spans() {
    return spans.get();
  }

  void reset() {
    spans.set(0);
  }

  static long count(byte[] body) {
    long found = 0;
    outer:
    for (int i = 0; i <= body.length - SPAN_NAME.length; i++) {
      for (int j = 0; j < SPAN_NAME.length; j++) {
        if (body[i + j] != SPAN_NAME[j]) {
          continue outer;
        }
      }
      found++;
    }
    return found;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** Where bodies of no interest go. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
