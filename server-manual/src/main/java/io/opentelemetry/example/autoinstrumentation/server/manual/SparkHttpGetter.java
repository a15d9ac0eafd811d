package io.opentelemetry.example.autoinstrumentation.server.manual;

import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.instrumentation.api.config.IncludeExclude;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesGetter;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanNameExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanStatusExtractor;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import spark.Request;
import spark.Response;

/**
 * What upstream's HTTP server conventions code and the propagators read from Spark: values as Spark has them. The
 * conventions code parses {@code Forwarded}, {@code Host}, the method and the query itself.
 */
enum SparkHttpGetter implements HttpServerAttributesGetter<Request, SparkHttpGetter.Answer>, TextMapGetter<Request> {
  INSTANCE;

  /** The response as the route left it, and its status: the one the route set, or the one a {@code halt} carries. */
  record Answer(Response response, int statusCode) {}

  /** Upstream's conventions over this getter, with the agent's settings mapped onto its builders. */
  static HttpConventions<Request, Answer> conventions(ConfigProperties config) {
    var attributes = HttpServerAttributesExtractor.builder(INSTANCE)
        .setRequestHeaders(headers(config, "otel.instrumentation.http.server.capture-request-headers"))
        .setResponseHeaders(headers(config, "otel.instrumentation.http.server.capture-response-headers"));
    var spanName = HttpSpanNameExtractor.builder(INSTANCE);
    List<String> knownMethods = config.getList("otel.instrumentation.http.known-methods");
    if (!knownMethods.isEmpty()) {
      attributes.setKnownMethods(knownMethods);
      spanName.setKnownMethods(knownMethods);
    }
    List<String> credentials = new ArrayList<>(List.of("Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie"));
    credentials.addAll(config.getList("otel.instrumentation.spark.sensitive-headers")); // this project's setting
    return new HttpConventions<>(spanName.build(), attributes.build(), HttpSpanStatusExtractor.create(INSTANCE),
        HttpConventions.captured(credentials));
  }

  private static IncludeExclude headers(ConfigProperties config, String key) {
    return IncludeExclude.builder().setIncluded(config.getList(key)).build();
  }

  @Override
  public String getHttpRequestMethod(Request request) {
    return request.requestMethod();
  }

  @Override
  public String getUrlScheme(Request request) {
    return request.scheme();
  }

  @Override
  public String getUrlPath(Request request) {
    return request.uri();
  }

  @Override
  public String getUrlQuery(Request request) {
    return request.queryString();
  }

  @Override
  public String getHttpRoute(Request request) {
    return request.matchedPath(); // the route as it was declared
  }

  @Override
  public List<String> getHttpRequestHeader(Request request, String name) {
    return Collections.list(request.raw().getHeaders(name));
  }

  @Override
  public Integer getHttpResponseStatusCode(Request request, Answer answer, Throwable error) {
    return answer.statusCode();
  }

  @Override
  public List<String> getHttpResponseHeader(Request request, Answer answer, String name) {
    return new ArrayList<>(answer.response().raw().getHeaders(name));
  }

  @Override
  public String getNetworkProtocolVersion(Request request, Answer answer) {
    return request.protocol().substring(request.protocol().indexOf('/') + 1); // HTTP/1.1
  }

  @Override
  public String getNetworkPeerAddress(Request request, Answer answer) {
    return request.ip();
  }

  @Override
  public Integer getNetworkPeerPort(Request request, Answer answer) {
    return request.raw().getRemotePort();
  }

  @Override
  public Iterable<String> keys(Request request) {
    return request.headers();
  }

  @Override
  public String get(Request request, String key) {
    return request == null ? null : request.headers(key);
  }
}
