package io.opentelemetry.example.autoinstrumentation.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;

/**
 * What every mode's trace for {@code GET /real_handler?param=X} looks like, as the agent emits it, written once: the
 * handler's SERVER span; under it the OkHttp CLIENT span, and under that the SERVER span of the {@code /server_request}
 * it called; and, also under the handler's span, the H2 query that ran on the application executor. Parents are
 * checked by id. Whoever calls checks the handler's own parent, which depends on who called it.
 */
public final class RealHandlerExpectations {

  public static final String COUNT_ORDERS = "SELECT COUNT(*) FROM orders WHERE customer = ?";

  /** A span as plain values (Long for integers), so in-process and process-level tests check the same expectations. */
  public record TraceSpan(String traceId, String spanId, String parentSpanId, String name, String kind, String status,
      Map<String, Object> attributes) {

    public static TraceSpan of(SpanData span) {
      return new TraceSpan(span.getTraceId(), span.getSpanId(),
          span.getParentSpanContext().isValid() ? span.getParentSpanId() : "", span.getName(), span.getKind().name(),
          span.getStatus().getStatusCode().name(), ServerSpanExpectations.attributes(span));
    }
  }

  /** The four spans of the trace, for checks of the caller's own. */
  public record Tree(TraceSpan handler, TraceSpan call, TraceSpan nested, TraceSpan query) {}

  /** Finds the trace of {@code /real_handler?param=<param>}, sent to {@code port}, in {@code spans} and checks it. */
  public static Tree assertTree(List<TraceSpan> spans, int port, String param) {
    TraceSpan handler = only(spans, "GET /real_handler");
    assertThat(handler.kind()).isEqualTo("SERVER");
    assertThat(handler.status()).isEqualTo("UNSET");
    assertThat(handler.attributes())
        .containsEntry("http.route", "/real_handler")
        .containsEntry("url.query", "param=" + param)
        .containsEntry("http.response.status_code", 200L);

    TraceSpan call = only(spans, "GET");
    assertThat(call.kind()).isEqualTo("CLIENT");
    assertThat(call.parentSpanId()).as("the OkHttp call is a child of the handler's span").isEqualTo(handler.spanId());
    assertThat(call.attributes())
        .containsEntry("http.request.method", "GET")
        .containsEntry("url.full", "http://127.0.0.1:" + port + "/server_request?param=" + param)
        .containsEntry("server.address", "127.0.0.1")
        .containsEntry("server.port", (long) port)
        .containsEntry("network.peer.address", "127.0.0.1")
        .containsEntry("network.peer.port", (long) port)
        .containsEntry("network.protocol.version", "1.1")
        .containsEntry("http.response.status_code", 200L);

    TraceSpan nested = only(spans, "GET /server_request");
    assertThat(nested.traceId()).as("the call's headers carried the trace").isEqualTo(handler.traceId());
    assertThat(nested.parentSpanId()).as("the call's headers carried its span").isEqualTo(call.spanId());
    ServerSpanExpectations.assertServerRequestSpan(
        nested.name(), nested.kind(), nested.status(), nested.attributes(), port, "param=" + param);

    TraceSpan query = only(spans, "SELECT orders.orders");
    assertThat(query.kind()).isEqualTo("CLIENT");
    assertThat(query.parentSpanId()).as("the context crossed to the executor").isEqualTo(handler.spanId());
    assertThat(query.attributes())
        .containsEntry("db.system", "h2")
        .containsEntry("db.name", "orders")
        .containsEntry("db.connection_string", "h2:mem:")
        .containsEntry("db.statement", COUNT_ORDERS)
        .containsEntry("db.operation", "SELECT")
        .containsEntry("db.sql.table", "orders");

    assertThat(spans).filteredOn(span -> span.traceId().equals(handler.traceId()))
        .as("the trace has these four spans and no other").containsExactlyInAnyOrder(handler, call, nested, query);
    return new Tree(handler, call, nested, query);
  }

  private static TraceSpan only(List<TraceSpan> spans, String name) {
    assertThat(spans).filteredOn(span -> span.name().equals(name)).as("spans named %s", name).hasSize(1);
    return spans.stream().filter(span -> span.name().equals(name)).findFirst().orElseThrow();
  }

  private RealHandlerExpectations() {}
}
