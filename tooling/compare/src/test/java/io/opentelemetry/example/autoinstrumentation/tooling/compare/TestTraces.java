package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import java.util.List;
import java.util.Map;

/** Traces shaped like the Python example's: the client's root span, its CLIENT span, and a server's SERVER span. */
final class TestTraces {

  static final long T0 = 1_700_000_000_000_000_000L;
  static final long MS = 1_000_000L;

  /** One trace with ids made from {@code prefix}, the server's span in {@code scope}, and times shifted by {@code shift} ms. */
  static List<ExportedSpan> pythonExample(char prefix, String server, String scope, long shift) {
    String trace = String.valueOf(prefix).repeat(32);
    String root = prefix + "000000000000001";
    String call = prefix + "000000000000002";
    return List.of(
        span("client", "io.opentelemetry.example.client", trace, root, "", "client", "INTERNAL",
            Map.of("thread.name", "main"), 0, 40 + shift),
        span("client", "io.opentelemetry.example.client", trace, call, root, "GET", "CLIENT",
            Map.of("http.request.method", "GET", "server.port", 40_001L), 5, 35 + shift),
        span(server, scope, trace, prefix + "000000000000003", call, "GET /server_request", "SERVER",
            Map.of("http.route", "/server_request", "server.port", 40_001L + shift), 10 + shift, 30 + shift));
  }

  static ExportedSpan span(String service, String scope, String traceId, String spanId, String parentSpanId, String name,
      String kind, Map<String, Object> attributes, long startMillis, long endMillis) {
    return new ExportedSpan(Map.of("service.name", service), scope, "1.0", "", traceId, spanId, parentSpanId, name, kind,
        "UNSET", attributes, List.of(), "", T0 + startMillis * MS, T0 + endMillis * MS);
  }

  private TestTraces() {}
}
