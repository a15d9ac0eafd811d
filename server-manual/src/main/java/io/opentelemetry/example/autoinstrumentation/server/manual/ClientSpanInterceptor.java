package io.opentelemetry.example.autoinstrumentation.server.manual;

import static io.opentelemetry.semconv.ErrorAttributes.ERROR_TYPE;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_METHOD;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_RESPONSE_STATUS_CODE;
import static io.opentelemetry.semconv.NetworkAttributes.NETWORK_PEER_ADDRESS;
import static io.opentelemetry.semconv.NetworkAttributes.NETWORK_PEER_PORT;
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
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.semconv.SchemaUrls;
import java.io.IOException;
import java.net.Socket;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The CLIENT span of an OkHttp call, written by hand: a network interceptor that starts the span, puts its context into
 * the request's headers ({@code traceparent}), and sets the stable HTTP client attributes that the agent's OkHttp
 * instrumentation sets. OkHttp runs it on the thread that executes the call, so a call made with {@code execute()}
 * continues the caller's trace; one made with {@code enqueue} runs on OkHttp's threads and would need its context
 * carried. It runs once a connection is open: a call that cannot connect makes no span (upstream's OkHttp
 * instrumentation adds an application interceptor for that case).
 */
final class ClientSpanInterceptor implements Interceptor {

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final SensitiveQueryParameters sensitiveQueryParameters;

  ClientSpanInterceptor(OpenTelemetry openTelemetry, ConfigProperties config) {
    this.tracer = ServerManual.tracer(openTelemetry, SchemaUrls.V1_41_0);
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    this.sensitiveQueryParameters = SensitiveQueryParameters.configure(config);
  }

  // tag::intercept[]
  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Socket socket = chain.connection().socket(); // a network interceptor runs on an open connection
    Span span = tracer.spanBuilder(request.method())
        .setSpanKind(SpanKind.CLIENT)
        .setAttribute(HTTP_REQUEST_METHOD, request.method())
        .setAttribute(URL_FULL, urlFull(request.url()))
        .setAttribute(SERVER_ADDRESS, request.url().host())
        .setAttribute(SERVER_PORT, request.url().port())
        .setAttribute(NETWORK_PEER_ADDRESS, socket.getInetAddress().getHostAddress())
        .setAttribute(NETWORK_PEER_PORT, socket.getPort())
        .startSpan();
    Request.Builder withContext = request.newBuilder();
    propagator.inject(Context.current().with(span), withContext, (builder, name, value) -> builder.header(name, value));
    try {
      Response response = chain.proceed(withContext.build());
      span.setAttribute(NETWORK_PROTOCOL_VERSION, version(response.protocol()));
      span.setAttribute(HTTP_RESPONSE_STATUS_CODE, response.code());
      if (response.code() >= 400) { // for a client, a 4xx is a failed call too
        span.setAttribute(ERROR_TYPE, String.valueOf(response.code()));
        span.setStatus(StatusCode.ERROR);
      }
      return response;
    } catch (IOException | RuntimeException e) {
      span.setAttribute(ERROR_TYPE, e.getClass().getName());
      span.setStatus(StatusCode.ERROR);
      span.recordException(e);
      throw e;
    } finally {
      span.end();
    }
  }
  // end::intercept[]

  /** The URL as a span may show it: credentials and signatures redacted, as the agent does. */
  String urlFull(HttpUrl url) {
    HttpUrl.Builder redacted = url.newBuilder();
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      redacted.username("REDACTED").password("REDACTED");
    }
    if (url.encodedQuery() != null) {
      redacted.encodedQuery(sensitiveQueryParameters.redact(url.encodedQuery()));
    }
    return redacted.build().toString();
  }

  private static String version(Protocol protocol) {
    return switch (protocol) {
      case HTTP_1_0 -> "1.0";
      case HTTP_1_1 -> "1.1";
      case QUIC -> "3";
      default -> "2"; // HTTP_2, H2_PRIOR_KNOWLEDGE, SPDY_3
    };
  }
}
