package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OTLP/HTTP receiver on loopback that keeps nothing: it counts the spans of one name in each export and answers
 * 200. Every variant exports to it the same way, so the exporter costs all of them alike and little.
 */
final class NullCollector implements AutoCloseable {

  /** A span's {@code name}, field 5 of the OTLP {@code Span} message: tag byte {@code (5 << 3) | 2}, length, UTF-8. */
  private static final int NAME_TAG = 0x2A;

  private final HttpServer server;
  private final AtomicLong spans = new AtomicLong();
  private volatile byte[] counted = field("GET /server_request");

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
          spans.addAndGet(count(body.readAllBytes(), counted));
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

  /** Counts from zero the spans named {@code spanName}, such as {@code GET /server_request}. */
  void reset(String spanName) {
    counted = field(spanName);
    spans.set(0);
  }

  /** The bytes of a name field holding {@code spanName} exactly: a longer name that starts alike does not match. */
  static byte[] field(String spanName) {
    byte[] name = spanName.getBytes(StandardCharsets.UTF_8);
    if (name.length > 127) {
      throw new IllegalArgumentException("a span name of more than 127 bytes: " + spanName);
    }
    byte[] field = new byte[name.length + 2];
    field[0] = NAME_TAG;
    field[1] = (byte) name.length; // a varint of one byte
    System.arraycopy(name, 0, field, 2, name.length);
    return field;
  }

  static long count(byte[] body, byte[] field) {
    long found = 0;
    outer:
    for (int i = 0; i <= body.length - field.length; i++) {
      for (int j = 0; j < field.length; j++) {
        if (body[i + j] != field[j]) {
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
