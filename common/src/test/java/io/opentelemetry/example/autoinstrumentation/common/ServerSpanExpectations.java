package io.opentelemetry.example.autoinstrumentation.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every mode's SERVER span for GET /server_request looks like: what the agent emits, written once. Spans come in
 * as plain values (name, kind, status, attributes with Long for integers), so in-process tests ({@link SpanData}) and
 * process-level tests (exported JSON) check the same expectations.
 */
public final class ServerSpanExpectations {

  /** The attribute keys of the agent's span for {@code GET /server_request?…}, thread details aside. */
  public static final Set<String> SERVER_REQUEST_ATTRIBUTE_KEYS = Set.of(
      "http.request.method", "url.scheme", "url.path", "url.query", "server.address", "server.port",
      "client.address", "network.peer.address", "network.peer.port", "network.protocol.version",
      "user_agent.original", "http.route", "http.response.status_code");

  /** A request from behind a proxy: the headers the proxy added, and the client they name. */
  public record BehindAProxy(Map<String, String> headers, String clientAddress) {}

  /**
   * The {@code client.address} that upstream's HTTP server extractor, which the agent and the library run, reads from
   * proxy headers: {@code Forwarded}'s {@code for=} first, else the first entry of {@code X-Forwarded-For}; an address
   * without its port, an IPv6 address without its brackets.
   */
  public static final List<BehindAProxy> BEHIND_A_PROXY = List.of(
      new BehindAProxy(Map.of("X-Forwarded-For", "198.51.100.9:4711, 10.0.0.1"), "198.51.100.9"),
      new BehindAProxy(Map.of("X-Forwarded-For", "2001:db8::1, 10.0.0.1"), "2001:db8::1"),
      new BehindAProxy(Map.of("Forwarded", "for=\"[2001:db8::1]:4711\";proto=http"), "2001:db8::1"),
      new BehindAProxy(Map.of("Forwarded", "for=203.0.113.7", "X-Forwarded-For", "198.51.100.9"), "203.0.113.7"),
      new BehindAProxy(Map.of("Forwarded", "proto=https", "X-Forwarded-For", "198.51.100.9"), "198.51.100.9"));

  /** A request through a proxy that names the host the client asked for: the headers, and the server they name. */
  public record ProxiedHost(Map<String, String> headers, String serverAddress, Long serverPort) {}

  /**
   * The {@code server.address} and {@code server.port} that upstream's HTTP server extractor reads: {@code Forwarded}'s
   * {@code host=} first, else {@code X-Forwarded-Host}, else {@code Host}; a port only where the value has one.
   */
  public static final List<ProxiedHost> PROXIED_HOSTS = List.of(
      new ProxiedHost(Map.of("X-Forwarded-Host", "shop.example.com:8443"), "shop.example.com", 8443L),
      new ProxiedHost(Map.of("X-Forwarded-Host", "shop.example.com"), "shop.example.com", null),
      new ProxiedHost(Map.of("Forwarded", "host=shop.example.com:8443;proto=https", "X-Forwarded-Host", "other.example.com"),
          "shop.example.com", 8443L),
      new ProxiedHost(Map.of("Forwarded", "host=\"shop.example.com:8443\""), "shop.example.com", 8443L),
      new ProxiedHost(Map.of("Forwarded", "for=203.0.113.7", "X-Forwarded-Host", "shop.example.com"), "shop.example.com",
          null));

  /** The agent's setting that replaces the list of query parameters whose values a span redacts. */
  public static final String SENSITIVE_QUERY_PARAMETERS_KEY =
      "otel.instrumentation.sanitization.url.experimental.sensitive-query-parameters";

  /**
   * With {@link #SENSITIVE_QUERY_PARAMETERS_KEY} set to {@code token}, what the agent exports as {@code url.query}
   * for {@link #QUERY_WITH_TOKEN}: the named parameter redacted, the default list ({@code sig}, ...) replaced, not
   * extended (ConfigParityIT shows the agent doing it).
   */
  public static final String QUERY_WITH_TOKEN = "param=x&token=abc&sig=s";
  public static final String QUERY_WITH_TOKEN_REDACTED = "param=x&token=REDACTED&sig=s";

  /** The span of {@code GET /server_request?<query>} sent from loopback to {@code port}. */
  public static void assertServerRequestSpan(
      String name, String kind, String status, Map<String, Object> attributes, int port, String query) {
    assertThat(name).isEqualTo("GET /server_request");
    assertThat(kind).isEqualTo("SERVER");
    assertThat(status).isEqualTo("UNSET");
    Map<String, Object> withoutThread = new LinkedHashMap<>(attributes);
    withoutThread.keySet().removeIf(key -> key.startsWith("thread."));
    assertThat(withoutThread.keySet()).containsExactlyInAnyOrderElementsOf(SERVER_REQUEST_ATTRIBUTE_KEYS);
    assertThat(attributes)
        .containsEntry("http.request.method", "GET")
        .containsEntry("url.scheme", "http")
        .containsEntry("url.path", "/server_request")
        .containsEntry("url.query", query)
        .containsEntry("server.address", "127.0.0.1")
        .containsEntry("server.port", (long) port)
        .containsEntry("client.address", "127.0.0.1")
        .containsEntry("network.peer.address", "127.0.0.1")
        .containsEntry("network.protocol.version", "1.1")
        .containsEntry("http.route", "/server_request")
        .containsEntry("http.response.status_code", 200L);
    assertThat((Long) attributes.get("network.peer.port")).isPositive();
  }

  public static void assertServerRequestSpan(SpanData span, int port, String query) {
    assertServerRequestSpan(span.getName(), span.getKind().name(), span.getStatus().getStatusCode().name(),
        attributes(span), port, query);
  }

  /** A span's attributes as plain values, keyed by name. */
  public static Map<String, Object> attributes(SpanData span) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    span.getAttributes().forEach((AttributeKey<?> key, Object value) -> attributes.put(key.getKey(), value));
    return attributes;
  }

  private ServerSpanExpectations() {}
}
