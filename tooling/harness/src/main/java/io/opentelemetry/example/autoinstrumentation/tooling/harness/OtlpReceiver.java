package io.opentelemetry.example.autoinstrumentation.tooling.harness;

import static io.opentelemetry.semconv.ServiceAttributes.SERVICE_NAME;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;

/**
 * A collector for tests: a loopback HTTP server that takes OTLP/HTTP exports (protobuf or JSON, gzip or not) and Zipkin
 * JSON, and decodes them into {@link ExportedSpan}s, and OTLP/HTTP protobuf metric and log exports into {@link
 * ExportedMetric}s and {@link ExportedLog}s, with the protocol's own classes, keeping each request's path and headers. It answers each export, or, once told to {@link #stopAnswering()}, reads it and never answers: a collector
 * that accepts connections and hangs.
 *
 * <p>{@link #counting()} makes one for load instead: it keeps nothing and only counts the spans of each name, reading
 * no more of an OTLP/HTTP protobuf export than the path to each span's name, so that a server exporting thousands of
 * spans a second costs the process that receives them little.
 */
public final class OtlpReceiver implements AutoCloseable {

  /** One export as it arrived: header names in lower case. */
  public record Request(String path, Map<String, List<String>> headers, List<ExportedSpan> spans,
      List<ExportedMetric> metrics, List<ExportedLog> logs) {
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();
  /** Where OTLP/HTTP sends metrics, under the endpoint. */
  public static final String METRICS_PATH = "/v1/metrics";
  /** Where OTLP/HTTP sends log records, under the endpoint. */
  public static final String LOGS_PATH = "/v1/logs";

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "otlp-receiver");
    thread.setDaemon(true);
    return thread;
  });
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile boolean answering = true;
  /** Spans by name, in a counting receiver; null in one that decodes and keeps every export. */
  private final Map<String, LongAdder> spanCounts;

  private OtlpReceiver(HttpServer server, boolean counting) {
    this.server = server;
    this.spanCounts = counting ? new ConcurrentHashMap<>() : null;
  }

  /** Listens on a free loopback port. */
  public static OtlpReceiver start() {
    return start(false);
  }

  /** Listens on a free loopback port, keeps nothing, and counts the spans of each name: see {@link #spansNamed}. */
  public static OtlpReceiver counting() {
    return start(true);
  }

  private static OtlpReceiver start(boolean counting) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
      OtlpReceiver receiver = new OtlpReceiver(server, counting);
      server.createContext("/", receiver::handle);
      server.setExecutor(receiver.threads);
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the OTLP receiver", e);
    }
  }

  /** In a {@link #counting()} receiver: the spans named {@code name} received since it started or was reset. */
  public long spansNamed(String name) {
    LongAdder count = counts().get(name);
    return count == null ? 0 : count.sum();
  }

  /** In a {@link #counting()} receiver: counts from zero again. */
  public void resetCounts() {
    counts().clear();
  }

  private Map<String, LongAdder> counts() {
    if (spanCounts == null) {
      throw new IllegalStateException("this receiver keeps its exports; OtlpReceiver.counting() makes one that counts");
    }
    return spanCounts;
  }

  /** The base URL to give as {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** From now on, every export is read and recorded but never answered, until {@link #close()}. */
  public void stopAnswering() {
    answering = false;
  }

  public void startAnswering() {
    answering = true;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public List<ExportedSpan> spans() {
    return requests.stream().flatMap(request -> request.spans().stream()).toList();
  }

  /** The log records of every log export, in the order they arrived. */
  public List<ExportedLog> logs() {
    return requests.stream().flatMap(request -> request.logs().stream()).toList();
  }

  /** The metrics of every metric export, in the order they arrived. */
  public List<ExportedMetric> metrics() {
    return requests.stream().flatMap(request -> request.metrics().stream()).toList();
  }

  /** Waits until at least {@code count} spans arrived, at most {@code timeout}; returns whether they did. */
  public boolean awaitSpans(int count, Duration timeout) {
    return await(() -> spans().size() >= count, timeout);
  }

  /** Waits until at least {@code count} export requests arrived, at most {@code timeout}. */
  public boolean awaitRequests(int count, Duration timeout) {
    return await(() -> requests.size() >= count, timeout);
  }

  private static boolean await(BooleanSupplier done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, List<String>> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
      String path = exchange.getRequestURI().getPath();
      byte[] content = unzipped(headers, body);
      if (spanCounts != null) {
        if (isProtobuf(headers) && !path.endsWith(METRICS_PATH) && !path.endsWith(LOGS_PATH)) {
          countSpanNames(content, spanCounts);
        }
        answer(exchange, false);
        return;
      }
      Request request;
      if (path.endsWith(METRICS_PATH)) {
        request = new Request(path, headers, List.of(), decodeMetrics(headers, content), List.of());
      } else if (path.endsWith(LOGS_PATH)) {
        request = new Request(path, headers, List.of(), List.of(), decodeLogs(headers, content));
      } else {
        request = new Request(path, headers, decode(headers, content), List.of(), List.of());
      }
      requests.add(request);
      if (!answering) {
        closed.await(); // hold the connection open, as a collector that hangs does
        return;
      }
      answer(exchange, String.valueOf(request.header("content-type")).startsWith("application/json"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** An empty export response, the same bytes for every signal. */
  private static void answer(HttpExchange exchange, boolean json) throws IOException {
    byte[] answer = json ? "{}".getBytes(StandardCharsets.UTF_8)
        : ExportTraceServiceResponse.getDefaultInstance().toByteArray();
    exchange.getResponseHeaders().set("Content-Type", json ? "application/json" : "application/x-protobuf");
    exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
    exchange.getResponseBody().write(answer);
  }

  /** The field numbers from an export down to a span: ExportTraceServiceRequest, ResourceSpans, ScopeSpans. */
  private static final int[] PATH_TO_SPAN = {ExportTraceServiceRequest.RESOURCE_SPANS_FIELD_NUMBER,
      ResourceSpans.SCOPE_SPANS_FIELD_NUMBER, ScopeSpans.SPANS_FIELD_NUMBER};

  /**
   * Adds the name of every span in a trace export to {@code counts}, reading only the fields on the way to it
   * (resource spans, scope spans, span, name) and skipping the rest unparsed.
   */
  static void countSpanNames(byte[] export, Map<String, LongAdder> counts) throws IOException {
    countSpanNames(CodedInputStream.newInstance(export), 0, counts);
  }

  private static void countSpanNames(CodedInputStream in, int depth, Map<String, LongAdder> counts) throws IOException {
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      int field = WireFormat.getTagFieldNumber(tag);
      boolean nested = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
      if (nested && depth < PATH_TO_SPAN.length && field == PATH_TO_SPAN[depth]) {
        int limit = in.pushLimit(in.readRawVarint32());
        countSpanNames(in, depth + 1, counts);
        in.popLimit(limit);
      } else if (nested && depth == PATH_TO_SPAN.length && field == Span.NAME_FIELD_NUMBER) {
        counts.computeIfAbsent(in.readStringRequireUtf8(), name -> new LongAdder()).increment();
      } else {
        in.skipField(tag);
      }
    }
  }

  /** The body as sent, or unzipped when it came gzipped. */
  private static byte[] unzipped(Map<String, List<String>> headers, byte[] body) throws IOException {
    if (!headers.getOrDefault("content-encoding", List.of()).contains("gzip")) {
      return body;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }

  /** The spans in a trace export; none for logs or anything else. */
  static List<ExportedSpan> decode(Map<String, List<String>> headers, byte[] body) throws IOException {
    String contentType = headers.getOrDefault("content-type", List.of("")).get(0);
    if (contentType.startsWith("application/x-protobuf")) {
      return fromProtobuf(ExportTraceServiceRequest.parseFrom(body));
    }
    if (contentType.startsWith("application/json")) {
      JsonNode json = JSON.readTree(body);
      return json.isArray() ? fromZipkin(json) : ExportedSpans.parseLine(new String(body, StandardCharsets.UTF_8));
    }
    return List.of();
  }

  private static List<ExportedSpan> fromProtobuf(ExportTraceServiceRequest export) {
    List<ExportedSpan> spans = new ArrayList<>();
    for (ResourceSpans resourceSpans : export.getResourceSpansList()) {
      Map<String, Object> resource = attributes(resourceSpans.getResource().getAttributesList());
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        for (Span span : scopeSpans.getSpansList()) {
          spans.add(new ExportedSpan(resource, scopeSpans.getScope().getName(), scopeSpans.getScope().getVersion(),
              scopeSpans.getSchemaUrl(), HEX.formatHex(span.getTraceId().toByteArray()), HEX.formatHex(span.getSpanId().toByteArray()),
              HEX.formatHex(span.getParentSpanId().toByteArray()), span.getName(),
              ExportedSpans.KINDS[span.getKindValue()], ExportedSpans.STATUSES[span.getStatus().getCodeValue()],
              attributes(span.getAttributesList()), span.getEventsList().stream().map(Span.Event::getName).toList(),
              span.getTraceState()));
        }
      }
    }
    return spans;
  }

  /** Whether an export is OTLP/HTTP protobuf, the encoding every mode sends, rather than JSON. */
  private static boolean isProtobuf(Map<String, List<String>> headers) {
    return headers.getOrDefault("content-type", List.of("")).get(0).startsWith("application/x-protobuf");
  }

  /** The metrics in a metric export over OTLP/HTTP protobuf, the encoding every mode sends; none for JSON. */
  static List<ExportedMetric> decodeMetrics(Map<String, List<String>> headers, byte[] body) throws IOException {
    if (!isProtobuf(headers)) {
      return List.of();
    }
    List<ExportedMetric> metrics = new ArrayList<>();
    for (ResourceMetrics resourceMetrics : ExportMetricsServiceRequest.parseFrom(body).getResourceMetricsList()) {
      for (ScopeMetrics scopeMetrics : resourceMetrics.getScopeMetricsList()) {
        for (Metric metric : scopeMetrics.getMetricsList()) {
          metrics.add(new ExportedMetric(scopeMetrics.getScope().getName(), scopeMetrics.getScope().getVersion(),
              scopeMetrics.getSchemaUrl(), metric.getName(), metric.getDescription(), metric.getUnit(), type(metric),
              points(metric)));
        }
      }
    }
    return metrics;
  }

  /** The log records in a log export over OTLP/HTTP protobuf; none for JSON. */
  static List<ExportedLog> decodeLogs(Map<String, List<String>> headers, byte[] body) throws IOException {
    if (!isProtobuf(headers)) {
      return List.of();
    }
    List<ExportedLog> logs = new ArrayList<>();
    for (ResourceLogs resourceLogs : ExportLogsServiceRequest.parseFrom(body).getResourceLogsList()) {
      for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
        for (LogRecord log : scopeLogs.getLogRecordsList()) {
          logs.add(new ExportedLog(scopeLogs.getScope().getName(), log.getSeverityText(),
              String.valueOf(value(log.getBody())), HEX.formatHex(log.getTraceId().toByteArray()),
              HEX.formatHex(log.getSpanId().toByteArray())));
        }
      }
    }
    return logs;
  }

  private static String type(Metric metric) {
    return switch (metric.getDataCase()) {
      case HISTOGRAM -> "histogram, " + temporality(metric.getHistogram().getAggregationTemporalityValue());
      case SUM -> "sum, " + temporality(metric.getSum().getAggregationTemporalityValue())
          + (metric.getSum().getIsMonotonic() ? ", monotonic" : "");
      case GAUGE -> "gauge";
      case EXPONENTIAL_HISTOGRAM -> "exponential histogram, "
          + temporality(metric.getExponentialHistogram().getAggregationTemporalityValue());
      default -> metric.getDataCase().name().toLowerCase(Locale.ROOT);
    };
  }

  private static String temporality(int value) {
    return switch (value) {
      case 1 -> "delta";
      case 2 -> "cumulative";
      default -> "unspecified";
    };
  }

  private static List<ExportedMetric.Point> points(Metric metric) {
    List<ExportedMetric.Point> points = new ArrayList<>();
    switch (metric.getDataCase()) {
      case HISTOGRAM -> {
        for (HistogramDataPoint point : metric.getHistogram().getDataPointsList()) {
          points.add(new ExportedMetric.Point(attributes(point.getAttributesList()), point.getCount(),
              point.getExplicitBoundsList()));
        }
      }
      case SUM -> metric.getSum().getDataPointsList().forEach(point -> points.add(numberPoint(point)));
      case GAUGE -> metric.getGauge().getDataPointsList().forEach(point -> points.add(numberPoint(point)));
      default -> { } // the exponential histogram and summary: no mode here exports one
    }
    return points;
  }

  private static ExportedMetric.Point numberPoint(NumberDataPoint point) {
    return new ExportedMetric.Point(attributes(point.getAttributesList()), 0, List.of());
  }

  /** Zipkin's JSON v2: ids as hex, the service in localEndpoint, tags as strings. */
  private static List<ExportedSpan> fromZipkin(JsonNode array) {
    List<ExportedSpan> spans = new ArrayList<>();
    for (JsonNode span : array) {
      Map<String, Object> tags = new LinkedHashMap<>();
      span.path("tags").fields().forEachRemaining(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
      spans.add(new ExportedSpan(Map.of(SERVICE_NAME.getKey(), span.path("localEndpoint").path("serviceName").asText()), "", "", "",
          span.path("traceId").asText(), span.path("id").asText(), span.path("parentId").asText(""),
          span.path("name").asText(), span.path("kind").asText("INTERNAL"), "UNSET", tags, List.of(), ""));
    }
    return spans;
  }

  private static Map<String, Object> attributes(List<KeyValue> keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    keyValues.forEach(keyValue -> map.put(keyValue.getKey(), value(keyValue.getValue())));
    return map;
  }

  private static Object value(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case INT_VALUE -> value.getIntValue();
      case DOUBLE_VALUE -> value.getDoubleValue();
      case BOOL_VALUE -> value.getBoolValue();
      case ARRAY_VALUE -> value.getArrayValue().getValuesList().stream().map(OtlpReceiver::value).toList();
      default -> value.toString();
    };
  }

  /** Answers nothing more: held exports are dropped with their connections. */
  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    threads.shutdownNow();
    try {
      threads.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
