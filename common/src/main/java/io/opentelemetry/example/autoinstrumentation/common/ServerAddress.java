package io.opentelemetry.example.autoinstrumentation.common;

import spark.Service;

/**
 * Where a server listens: {@code BIND_ADDRESS} (default 127.0.0.1, so nothing is exposed by accident) and {@code PORT}
 * (default 8082, the port of the Python example; 0 lets the system choose).
 */
public record ServerAddress(String host, int port) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8082;
  /** How {@link #announce} begins its line. */
  public static final String LISTENING = "Listening on ";

  public ServerAddress {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("PORT must be a number from 0 to 65535, got " + port);
    }
  }

  /** Reads the address from the environment; a bad value ends the process with one line on stderr. */
  public static ServerAddress fromEnvironment() {
    String host = Environment.getOrDefault("BIND_ADDRESS", DEFAULT_HOST);
    String port = Environment.getOrDefault("PORT", String.valueOf(DEFAULT_PORT));
    try {
      return new ServerAddress(host, Integer.parseInt(port.trim()));
    } catch (NumberFormatException e) {
      return Exit.withError("PORT must be a number from 0 to 65535, got '" + port + "'");
    } catch (IllegalArgumentException e) {
      return Exit.withError(e.getMessage());
    }
  }

  /**
   * Waits until {@code http} listens, then prints where, as Flask does: with {@code PORT=0} the system chose the port,
   * and whoever started the server reads it here.
   */
  public void announce(Service http) {
    http.awaitInitialization();
    String literal = host.contains(":") ? "[" + host + "]" : host; // an IPv6 address
    System.out.println(LISTENING + "http://" + literal + ":" + http.port() + "/");
  }

  /**
   * A Spark instance on this address. Spark's own reaction to a port that cannot be bound is a stack trace; this one
   * says it in one line and exits.
   */
  public Service ignite() {
    Service http = Service.ignite().ipAddress(host).port(port);
    http.initExceptionHandler(e -> Exit.withError("cannot listen on " + host + ":" + port + ": " + e.getMessage()));
    return http;
  }
}
