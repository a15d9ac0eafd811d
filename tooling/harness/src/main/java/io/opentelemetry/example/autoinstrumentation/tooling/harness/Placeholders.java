package io.opentelemetry.example.autoinstrumentation.tooling.harness;

import static io.opentelemetry.semconv.NetworkAttributes.NETWORK_PEER_PORT;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_PORT;
import static io.opentelemetry.semconv.incubating.ThreadIncubatingAttributes.THREAD_ID;
import static io.opentelemetry.semconv.incubating.ThreadIncubatingAttributes.THREAD_NAME;

import java.util.List;
import java.util.Set;

/**
 * What the comparison and the docs show in place of values that change from run to run or from machine to machine
 * (ports, thread ids, the JDK's version in its HTTP client's user agent), so that they change only when behaviour does.
 */
public final class Placeholders {

  private static final Set<String> PORTS = Set.of(SERVER_PORT.getKey(), NETWORK_PEER_PORT.getKey());
  /** The JDK's HTTP client names itself after the JDK: Java-http-client/17.0.15, Java-http-client/25. */
  private static final String JDK_CLIENT = "Java-http-client/[^\\s,\\]]+";

  /** {@code value} of the attribute {@code key}, or its placeholder: "<port>", "<thread id>", "qtpN-N", ... */
  public static Object replace(String key, Object value) {
    if (PORTS.contains(key)) {
      return "<port>";
    } else if (key.equals(THREAD_ID.getKey())) {
      return "<thread id>";
    } else if (key.equals(THREAD_NAME.getKey())) {
      return String.valueOf(value).replaceAll("\\d+", "N"); // Jetty names its threads qtp<hash>-<n>
    } else if (value instanceof List<?> list) {
      return list.stream().map(element -> replace(key, element)).toList();
    } else if (value instanceof String text) {
      return text.replaceAll(JDK_CLIENT, "Java-http-client/<JDK version>")
          .replaceFirst("^(https?://[^/:]+):\\d+/", "$1:<port>/"); // url.full
    }
    return value;
  }

  private Placeholders() {}
}
