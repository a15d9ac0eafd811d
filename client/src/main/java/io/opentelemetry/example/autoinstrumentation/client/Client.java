package io.opentelemetry.example.autoinstrumentation.client;

import static io.opentelemetry.semconv.ErrorAttributes.ERROR_TYPE;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_METHOD;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_RESPONSE_STATUS_CODE;
import static io.opentelemetry.semconv.NetworkAttributes.NETWORK_PROTOCOL_VERSION;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_ADDRESS;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_PORT;
import static io.opentelemetry.semconv.UrlAttributes.URL_FULL;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.example.autoinstrumentation.common.Environment;
import io.opentelemetry.example.autoinstrumentation.common.Exit;
import io.opentelemetry.example.autoinstrumentation.common.OpenTelemetrySetup;
import io.opentelemetry.example.autoinstrumentation.common.ServerAddress;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The Python example's client.py: one request to the server inside a {@code client} span, with a CLIENT span for the call whose
 * context travels in the {@code traceparent} header. It calls {@code localhost} on {@code PORT} (8082 by default), the
 * port the servers read too; {@code SERVER_URL} names any other address.
 */
public final class Client {

  static final String PATH = "/server_request";

  public static void main(String[] args) {
    String param = args.length > 0 ? args[0] : "testing";
    String defaultUrl = "http://localhost:" + ServerAddress.fromEnvironment().port() + PATH;
    URI uri = uri(Environment.getOrDefault("SERVER_URL", defaultUrl), param);
    Duration timeout = timeout(Environment.getOrDefault("CLIENT_TIMEOUT_SECONDS", "10"));
    OpenTelemetrySdk openTelemetry = OpenTelemetrySetup.initialize().sdk();
    // The SDK's shutdown hook exports the spans as the JVM exits.
    System.exit(call(openTelemetry, uri, timeout));
  }

  static int call(OpenTelemetry openTelemetry, URI uri, Duration timeout) {
    Tracer tracer = openTelemetry.getTracer("io.opentelemetry.example.client");
    Span client = tracer.spanBuilder("client").startSpan();
    try (Scope ignored = client.makeCurrent()) {
      Span call = tracer.spanBuilder("GET")
          .setSpanKind(SpanKind.CLIENT)
          .setAttribute(HTTP_REQUEST_METHOD, "GET")
          .setAttribute(URL_FULL, urlFull(uri))
          .setAttribute(SERVER_ADDRESS, uri.getHost())
          .setAttribute(SERVER_PORT, port(uri))
          .startSpan();
      try (Scope alsoIgnored = call.makeCurrent()) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), request, HttpRequest.Builder::header);
        HttpResponse<String> response = httpClient(timeout).send(request.build(), HttpResponse.BodyHandlers.ofString());
        call.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) response.statusCode());
        call.setAttribute(NETWORK_PROTOCOL_VERSION, response.version() == HttpClient.Version.HTTP_2 ? "2" : "1.1");
        if (response.statusCode() != 200) {
          return fail(call, String.valueOf(response.statusCode()), "server answered " + response.statusCode() + " for " + urlFull(uri));
        }
        System.out.println(response.body());
        return 0;
      } catch (IOException e) {
        return fail(call, e.getClass().getName(), "cannot reach " + urlFull(uri) + ": " + describe(e, timeout));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return fail(call, e.getClass().getName(), "interrupted while calling " + urlFull(uri));
      } finally {
        call.end();
      }
    } finally {
      client.end();
    }
  }

  private static int fail(Span call, String errorType, String message) {
    call.setAttribute(ERROR_TYPE, errorType);
    call.setStatus(StatusCode.ERROR);
    System.err.println("error: " + message);
    return 1;
  }

  private static HttpClient httpClient(Duration timeout) {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
  }

  /** How long to wait for the server, bounded so that a stalled server cannot hang the client. */
  static Duration timeout(String seconds) {
    try {
      long value = Long.parseLong(seconds.trim());
      if (value >= 1 && value <= 600) {
        return Duration.ofSeconds(value);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    return Exit.withError("CLIENT_TIMEOUT_SECONDS must be a whole number from 1 to 600, got '" + seconds + "'");
  }

  /** The server URL with {@code ?param=} appended, encoded; a malformed URL is bad input. */
  static URI uri(String serverUrl, String param) {
    try {
      URI base = URI.create(serverUrl);
      if (base.getHost() == null || !base.getScheme().startsWith("http")) {
        throw new IllegalArgumentException("not an http URL");
      }
      String query = "param=" + URLEncoder.encode(param, StandardCharsets.UTF_8);
      return URI.create(serverUrl + (base.getRawQuery() == null ? "?" : "&") + query);
    } catch (IllegalArgumentException | NullPointerException e) {
      return Exit.withError("SERVER_URL is not an http URL: '" + serverUrl + "'");
    }
  }

  /** The URL as a span may show it: user credentials replaced, as the semantic conventions require. */
  static String urlFull(URI uri) {
    return uri.getRawUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "REDACTED:REDACTED@");
  }

  private static long port(URI uri) {
    return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
  }

  /** What went wrong, in words: the JDK's connect exceptions often carry no message of their own. */
  static String describe(IOException e, Duration timeout) {
    if (hasCause(e, UnresolvedAddressException.class) || hasCause(e, UnknownHostException.class)) {
      return "unknown host";
    } else if (hasCause(e, HttpTimeoutException.class)) {
      return "no answer within " + timeout.toSeconds() + " s";
    } else if (hasCause(e, ConnectException.class)) {
      return "connection refused";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  private Client() {}
}
