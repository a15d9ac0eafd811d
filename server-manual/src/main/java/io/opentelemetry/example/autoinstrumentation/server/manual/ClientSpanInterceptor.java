package io.opentelemetry.example.autoinstrumentation.server.manual;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.instrumentation.api.semconv.http.HttpClientAttributesGetter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The CLIENT span of an OkHttp call, written by hand as the Python example's client writes its own: start it, put its
 * context into the request's headers ({@code traceparent}), make the call, end it. Its name, attributes and status
 * come from upstream's HTTP client conventions code over the getter below. A network interceptor runs on the thread
 * of a call made with {@code execute()}, once a connection is open: a call that cannot connect makes no span.
 */
final class ClientSpanInterceptor implements okhttp3.Interceptor {

  private static final HttpConventions<Chain, Response> HTTP = HttpConventions.client(OkHttpGetter.INSTANCE);

  private final Tracer tracer;
  private final TextMapPropagator propagator;

  ClientSpanInterceptor(OpenTelemetry openTelemetry) {
    this.tracer = ServerManual.tracer(openTelemetry);
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
  }

  // tag::intercept[]
  @Override
  public Response intercept(Chain chain) throws IOException {
    Context parent = Context.current();
    Span span = tracer.spanBuilder(HTTP.spanName(chain))
        .setParent(parent)
        .setSpanKind(SpanKind.CLIENT)
        .setAllAttributes(HTTP.onStart(parent, chain))
        .startSpan();
    Response response = null;
    Throwable failure = null;
    try (Scope ignored = parent.with(span).makeCurrent()) {
      Request.Builder withContext = chain.request().newBuilder();
      propagator.inject(Context.current(), withContext, (request, name, value) -> request.header(name, value));
      response = chain.proceed(withContext.build());
      return response;
    } catch (IOException | RuntimeException | Error e) {
      failure = e;
      span.recordException(e);
      throw e;
    } finally {
      HTTP.onEnd(span, parent.with(span), chain, response, failure); // status: ERROR for a failure, a 4xx, a 5xx
      span.end();
    }
  }
  // end::intercept[]

  /** What upstream's HTTP client conventions read from an OkHttp call: its request, its connection, its response. */
  enum OkHttpGetter implements HttpClientAttributesGetter<Chain, Response> {
    INSTANCE;

    @Override
    public String getHttpRequestMethod(Chain chain) {
      return chain.request().method();
    }

    @Override
    public String getUrlFull(Chain chain) {
      return chain.request().url().toString();
    }

    @Override
    public String getServerAddress(Chain chain) {
      return chain.request().url().host();
    }

    @Override
    public Integer getServerPort(Chain chain) {
      return chain.request().url().port();
    }

    @Override
    public List<String> getHttpRequestHeader(Chain chain, String name) {
      return chain.request().headers(name);
    }

    @Override
    public Integer getHttpResponseStatusCode(Chain chain, Response response, Throwable error) {
      return response.code();
    }

    @Override
    public List<String> getHttpResponseHeader(Chain chain, Response response, String name) {
      return response.headers(name);
    }

    @Override
    public String getNetworkProtocolVersion(Chain chain, Response response) {
      String protocol = response == null ? "" : response.protocol().toString(); // http/1.1, h2, ...
      return protocol.startsWith("http/") ? protocol.substring("http/".length()) : null;
    }

    @Override
    public InetSocketAddress getNetworkPeerInetSocketAddress(Chain chain, Response response) {
      return (InetSocketAddress) chain.connection().socket().getRemoteSocketAddress();
    }
  }
}
