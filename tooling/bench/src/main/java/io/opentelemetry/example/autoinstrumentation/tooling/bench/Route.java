package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What the load requests, such as {@code /server_request?param=bench}. Its SERVER span is named after its path, so a
 * route with path parameters ({@code /users/:id}) cannot be counted this way.
 */
record Route(@JsonValue String target) {

  static final Route SERVER_REQUEST = new Route("/server_request?param=bench");
  static final Route SEARCH = new Route("/search?q=oak+chair");

  /** Parses {@code --routes} values; a bad one is an IllegalArgumentException whose message is the one line to print. */
  @JsonCreator
  static Route of(String target) {
    if (!target.startsWith("/") || target.chars().anyMatch(c -> c <= ' ' || c == '#')) {
      throw new IllegalArgumentException("a route is a path and query such as /server_request?param=bench, got '"
          + target + "'");
    }
    return new Route(target);
  }

  String path() {
    int query = target.indexOf('?');
    return query < 0 ? target : target.substring(0, query);
  }

  /** The name the SERVER span of a GET on this route has in every mode. */
  String spanName() {
    return "GET " + path();
  }

  @Override
  public String toString() {
    return target;
  }
}
