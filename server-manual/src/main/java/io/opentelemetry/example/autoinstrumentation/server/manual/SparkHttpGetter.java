package io.opentelemetry.example.autoinstrumentation.server.manual;

import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesGetter;
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
