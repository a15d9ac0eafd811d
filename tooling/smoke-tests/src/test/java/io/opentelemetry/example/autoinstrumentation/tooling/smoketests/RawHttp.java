package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 exchange written byte for byte, for requests that java.net.http refuses to send: unknown methods,
 * absolute-form targets with credentials, oversized or malformed headers.
 */
final class RawHttp {

  /** The status code and body of an answer. */
  public record Answer(int status, String body) {}

  /** Sends {@code requestLine} and {@code headers} (each "Name: value") to the server, and reads the whole answer. */
  public static Answer exchange(ServerProcess server, String requestLine, String... headers) {
    StringBuilder request = new StringBuilder(requestLine).append("\r\n")
        .append("Host: ").append(ServerProcess.HOST).append(':').append(server.port()).append("\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket(ServerProcess.HOST, server.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(answer.substring(9, 12)); // "HTTP/1.1 200 OK"
      int bodyStart = answer.indexOf("\r\n\r\n");
      return new Answer(status, bodyStart < 0 ? "" : answer.substring(bodyStart + 4));
    } catch (IOException e) {
      throw new UncheckedIOException("no answer to " + requestLine, e);
    }
  }

  private RawHttp() {}
}
