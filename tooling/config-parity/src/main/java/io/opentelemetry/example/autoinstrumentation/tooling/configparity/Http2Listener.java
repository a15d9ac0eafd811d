package io.opentelemetry.example.autoinstrumentation.tooling.configparity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A loopback port that only notes whether a client opened an HTTP/2 connection with prior knowledge, as a gRPC client
 * does: its first bytes are the HTTP/2 preface, {@code PRI * HTTP/2.0}. Enough to tell that a mode speaks gRPC to an
 * endpoint; the spans it would carry are checked over OTLP/HTTP.
 */
final class Http2Listener implements AutoCloseable {

  private static final byte[] PREFACE = "PRI * HTTP/2.0".getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket socket;
  private volatile boolean prefaceSeen;

  private Http2Listener(ServerSocket socket) {
    this.socket = socket;
  }

  static Http2Listener start() {
    try {
      Http2Listener listener = new Http2Listener(new ServerSocket(0, 10, InetAddress.getLoopbackAddress()));
      Thread thread = new Thread(listener::accept, "http2-listener");
      thread.setDaemon(true);
      thread.start();
      return listener;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String endpoint() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  boolean prefaceSeen() {
    return prefaceSeen;
  }

  private void accept() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        client.setSoTimeout(2_000);
        InputStream in = client.getInputStream();
        byte[] start = in.readNBytes(PREFACE.length);
        prefaceSeen |= Arrays.equals(start, PREFACE);
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        // a client that sent nothing in time: not HTTP/2
      }
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
