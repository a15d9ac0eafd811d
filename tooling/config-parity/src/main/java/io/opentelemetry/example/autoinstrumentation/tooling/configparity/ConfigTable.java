package io.opentelemetry.example.autoinstrumentation.tooling.configparity;

import static io.opentelemetry.example.autoinstrumentation.tooling.configparity.Observe.labels;
import static io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode.MANUAL;
import static io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode.PROGRAMMATIC;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_HEADER;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_METHOD;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_METHOD_ORIGINAL;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_RESPONSE_HEADER;
import static io.opentelemetry.semconv.ServiceAttributes.SERVICE_NAME;
import static io.opentelemetry.semconv.ServiceAttributes.SERVICE_VERSION;
import static io.opentelemetry.semconv.UrlAttributes.URL_QUERY;
import static io.opentelemetry.semconv.incubating.DeploymentIncubatingAttributes.DEPLOYMENT_ENVIRONMENT_NAME;
import static io.opentelemetry.semconv.incubating.HttpIncubatingAttributes.HTTP_REQUEST_BODY_SIZE;
import static io.opentelemetry.semconv.incubating.HttpIncubatingAttributes.HTTP_RESPONSE_BODY_SIZE;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpans;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The settings × modes table: each group is one server process per mode, each row a setting and what it did. Trace ids
 * are chosen per request, so a span tells which request, and which propagator, it came from.
 */
final class ConfigTable {

  static final String PARENT = "00f067aa0ba902b7";
  static final String SAMPLED = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String UNSAMPLED = "5bf92f3577b34da6a3ce929d0e0e4736";
  /** Trace id ratio sampling keeps a trace when the id's last 16 hex digits, as a long, are below ratio × 2^63. */
  static final String LOW_ID = "6bf92f3577b34da60000000000000001";
  static final String HIGH_ID = "7bf92f3577b34da67fffffffffffffff";
  static final String B3 = "b3000000000000000000000000000001";
  static final String B3_MULTI = "b3000000000000000000000000000002";
  static final String JAEGER = "ae000000000000000000000000000003";
  static final String OT = "07000000000000000000000000000004";
  static final String XRAY = "5759e988bd862e3fe1be46a994272793";
  static final String XRAY_LAMBDA = "8bf92f3577b34da60000000000000002";

  /** Every trace id a request here carries: a span in any other trace is a root span. */
  static final Set<String> GIVEN = Set.of(SAMPLED, UNSAMPLED, LOW_ID, HIGH_ID, B3, B3_MULTI, JAEGER, OT, XRAY, XRAY_LAMBDA);

  static String traceparent(String traceId, boolean sampled) {
    return "traceparent: 00-" + traceId + "-" + PARENT + (sampled ? "-01" : "-00");
  }

  static String xray(String traceId) {
    return "X-Amzn-Trace-Id: Root=1-" + traceId.substring(0, 8) + "-" + traceId.substring(8) + ";Parent=" + PARENT + ";Sampled=1";
  }

  static final Group OTLP = new Group("OTLP to a collector", Map.of(
      "OTEL_TRACES_EXPORTER", "otlp",
      "OTEL_EXPORTER_OTLP_ENDPOINT", "{receiver}",
      "OTEL_EXPORTER_OTLP_HEADERS", "x-api-key=abc123",
      "OTEL_EXPORTER_OTLP_COMPRESSION", "gzip",
      "OTEL_SERVICE_NAME", "checkout",
      "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=test,service.version=1.2.3",
      "OTEL_INSTRUMENTATION_HTTP_SERVER_CAPTURE_REQUEST_HEADERS", "X-Request-Id",
      "OTEL_INSTRUMENTATION_HTTP_SERVER_CAPTURE_RESPONSE_HEADERS", "Content-Type",
      "OTEL_INSTRUMENTATION_SANITIZATION_URL_EXPERIMENTAL_SENSITIVE_QUERY_PARAMETERS", "token",
      "OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "1"),
      run -> {
        run.send("sampled&token=abc&sig=s", traceparent(SAMPLED, true), "X-Request-Id: r-42");
        run.send("unsampled", traceparent(UNSAMPLED, false));
        run.send("root");
        run.awaitSpans(2);
        run.stop();
      });

  static final Group CONSOLE = new Group("three console exporters", Map.of(
      "OTEL_TRACES_EXPORTER", "console,logging-otlp,experimental-otlp/stdout",
      "OTEL_TRACES_SAMPLER", "linksbased_parentbased_always_on",
      "OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT", "10"),
      run -> {
        run.send("sampled", traceparent(SAMPLED, true));
        run.send("unsampled", traceparent(UNSAMPLED, false));
        run.send("root");
        run.awaitSpans(4); // two spans, each as a line and as JSON on stderr (and as JSON on stdout)
        run.stop();
      });

  static final Group ALWAYS_ON = new Group("always_on, logging", Map.of(
      "OTEL_TRACES_SAMPLER", "always_on",
      "OTEL_TRACES_EXPORTER", "logging"),
      run -> {
        run.send("unsampled", traceparent(UNSAMPLED, false));
        run.send("root");
        run.awaitSpans(2);
        run.stop();
      });

  static final Group ALWAYS_OFF = new Group("always_off", Map.of("OTEL_TRACES_SAMPLER", "always_off"),
      run -> {
        run.send("sampled", traceparent(SAMPLED, true));
        run.send("root");
        ModeRun.pause(Duration.ofMillis(700)); // longer than the export delay
        run.stop();
      });

  static final Group RATIO = new Group("traceidratio, a traces endpoint", Map.of(
      "OTEL_TRACES_SAMPLER", "traceidratio",
      "OTEL_TRACES_SAMPLER_ARG", "0.5",
      "OTEL_TRACES_EXPORTER", "otlp",
      "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "{receiver}/custom/traces",
      "OTEL_PROPAGATORS", "tracecontext,xray-lambda",
      "OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT", "5"),
      run -> {
        run.send("low", traceparent(LOW_ID, false));
        run.send("high", traceparent(HIGH_ID, true));
        run.send("xray", xray(XRAY_LAMBDA));
        run.awaitSpans(2);
        run.stop();
      });

  static final Group PROPAGATORS = new Group("parentbased_always_off, every propagator", Map.of(
      "OTEL_TRACES_SAMPLER", "parentbased_always_off",
      "OTEL_PROPAGATORS", "tracecontext,baggage,b3,b3multi,jaeger,ottrace,xray"),
      run -> {
        run.send("root");
        run.send("sampled", traceparent(SAMPLED, true));
        run.send("unsampled", traceparent(UNSAMPLED, false));
        run.send("b3", "b3: " + B3 + "-" + PARENT + "-1");
        run.send("b3multi", "X-B3-TraceId: " + B3_MULTI, "X-B3-SpanId: " + PARENT, "X-B3-Sampled: 1");
        run.send("jaeger", "uber-trace-id: " + JAEGER + ":" + PARENT + ":0:1");
        run.send("ottrace", "ot-tracer-traceid: " + OT, "ot-tracer-spanid: " + PARENT, "ot-tracer-sampled: true");
        run.send("xray", xray(XRAY));
        run.awaitSpans(6);
        run.stop();
      });

  static final Group DELAYED = new Group("parentbased_traceidratio, a long export delay", Map.of(
      "OTEL_TRACES_SAMPLER", "parentbased_traceidratio",
      "OTEL_TRACES_SAMPLER_ARG", "0",
      "OTEL_BSP_SCHEDULE_DELAY", "60000"),
      run -> {
        run.send("root");
        run.send("sampled", traceparent(SAMPLED, true));
        run.send("unsampled", traceparent(UNSAMPLED, false));
        ModeRun.pause(Duration.ofMillis(1500)); // three times the default delay of these modes
        run.measure("before stop", run.spansSoFar());
        run.stop();
      });

  static final Group DISABLED = new Group("SDK disabled", Map.of("OTEL_SDK_DISABLED", "true"),
      run -> {
        run.send("sampled", traceparent(SAMPLED, true));
        ModeRun.pause(Duration.ofMillis(700));
        run.stop();
      });

  static final Group NONE = new Group("no exporter", Map.of("OTEL_TRACES_EXPORTER", "none"),
      run -> {
        run.send("sampled", traceparent(SAMPLED, true));
        ModeRun.pause(Duration.ofMillis(700));
        run.stop();
      });

  static final Group HTTP = new Group("known methods, experimental HTTP telemetry", Map.of(
      "OTEL_INSTRUMENTATION_HTTP_KNOWN_METHODS", "POST",
      "OTEL_INSTRUMENTATION_HTTP_SERVER_EMIT_EXPERIMENTAL_TELEMETRY", "true"),
      run -> {
        run.sendWithBody("sampled", "hello", traceparent(SAMPLED, true));
        run.awaitSpans(1);
        run.stop();
      });

  static final Group QUEUE = new Group("a queue of 2, a collector that hangs", Map.of(
      "OTEL_TRACES_EXPORTER", "otlp",
      "OTEL_EXPORTER_OTLP_ENDPOINT", "{receiver}",
      "OTEL_BSP_MAX_QUEUE_SIZE", "2",
      "OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "1",
      "OTEL_BSP_EXPORT_TIMEOUT", "3000", // the time to send the other four requests while the first export hangs
      "OTEL_PROPAGATORS", "none"),
      run -> {
        run.receiver.stopAnswering();
        run.send("q1", traceparent(SAMPLED, true));
        run.receiver.awaitRequests(1, ModeRun.WAIT); // the first export now hangs, and the processor waits on it
        for (String probe : List.of("q2", "q3", "q4", "q5")) {
          run.send(probe);
        }
        run.receiver.startAnswering();
        run.receiver.awaitSpans(3, ModeRun.WAIT);
        ModeRun.pause(Duration.ofMillis(500)); // time for a fourth, if one were to come
        run.stop();
      });

  static final Group COLLECTOR_DOWN = new Group("a collector that never answers", Map.of(
      "OTEL_TRACES_EXPORTER", "otlp",
      "OTEL_EXPORTER_OTLP_ENDPOINT", "{receiver}",
      "OTEL_EXPORTER_OTLP_TIMEOUT", "1000",
      "OTEL_PROPAGATORS", "baggage"),
      CollectorDown::run);

  static final Group JSON = new Group("OTLP as JSON", Map.of(
      "OTEL_TRACES_EXPORTER", "otlp",
      "OTEL_EXPORTER_OTLP_PROTOCOL", "http/json",
      "OTEL_EXPORTER_OTLP_ENDPOINT", "{receiver}"),
      run -> {
        run.send("root"); // a mode that exports at all exports it by the end of its stop
        run.stop();
      });

  static final Group GRPC = new Group("OTLP over gRPC", Map.of(
      "OTEL_TRACES_EXPORTER", "otlp",
      "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc",
      "OTEL_EXPORTER_OTLP_ENDPOINT", "{grpc}"),
      run -> {
        run.send("root");
        awaitPreface(run);
        run.stop();
      });

  static final Group ZIPKIN = new Group("Zipkin", Map.of(
      "OTEL_TRACES_EXPORTER", "zipkin",
      "OTEL_EXPORTER_ZIPKIN_ENDPOINT", "{receiver}/api/v2/spans"),
      run -> {
        run.send("root");
        run.awaitSpans(1);
        run.stop();
      });

  static final Group JAEGER_REMOTE = new Group("Jaeger remote sampler", Map.of(
      "OTEL_TRACES_SAMPLER", "jaeger_remote",
      "OTEL_TRACES_SAMPLER_ARG", "endpoint={grpc},pollingIntervalMs=500,initialSamplingRate=1"),
      run -> {
        awaitPreface(run);
        run.stop();
      });

  private static void awaitPreface(ModeRun run) {
    long deadline = System.nanoTime() + ModeRun.WAIT.toNanos();
    while (!run.grpc.prefaceSeen() && System.nanoTime() < deadline) {
      ModeRun.pause(Duration.ofMillis(50));
    }
  }

  static final String NO_GRPC = "the SDK modes send OTLP through the JDK's HTTP client, which speaks no gRPC, and leave"
      + " OkHttp out (its Kotlin runtime included)";
  static final String NO_ZIPKIN = "the Zipkin exporter sends through OkHttp, which the SDK modes leave out; Zipkin itself"
      + " accepts OTLP through a collector";
  static final String NO_JAEGER = "the Jaeger remote sampler fetches its strategies over gRPC, which needs OkHttp, which"
      + " the SDK modes leave out";
  static final String REFUSED_GRPC = "refused: `error: bad OpenTelemetry configuration: OTLP over grpc needs OkHttp, which the"
      + " SDK modes leave out; set OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf (the default, port 4318) or use the agent"
      + " (make run-automatic)`";
  static final String REFUSED_JSON = "refused: `error: bad OpenTelemetry configuration: OTLP over http/json is not"
      + " supported, by the agent either; set OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf (the default, port 4318)`";
  static final String AGENT_NO_JSON = "`OpenTelemetry Javaagent failed to start` (`Unsupported OTLP traces protocol:"
      + " http/json`) and a stack trace; serves untraced";
  static final String REFUSED_ZIPKIN = "refused: `error: bad OpenTelemetry configuration: the zipkin exporter needs OkHttp,"
      + " which the SDK modes leave out; send OTLP to a collector that exports to Zipkin (OTEL_TRACES_EXPORTER=otlp), or"
      + " use the agent`";
  static final String REFUSED_JAEGER = "refused: `error: bad OpenTelemetry configuration: the jaeger_remote sampler polls"
      + " over grpc, which needs OkHttp, which the SDK modes leave out; sample with parentbased_traceidratio"
      + " (OTEL_TRACES_SAMPLER_ARG), or use the agent`";

  /** Why the manual server shows no instrumentation setting: the one reason of every such row. */
  static final String BY_HAND = "spans written by hand take upstream's conventions with their defaults, the agent's"
      + " defaults; the HTTP instrumentation settings configure instrumentations, the agent's and the library's";

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    // What every mode does with no setting at all
    rows.add(new Row(CONSOLE, "`OTEL_SERVICE_NAME` unset", "`OTEL_SERVICE_NAME`", "any",
        run -> Observe.resource(run, SERVICE_NAME).equals(run.mode.module()) ? "the jar's name" : Observe.resource(run, SERVICE_NAME),
        "the jar's name"));
    rows.add(new Row(CONSOLE, "resource detectors (no setting)", "(the SDK's detectors)", "any",
        run -> resourceGroups(run), "host.*, os.*, process.*, process.executable.*, process.runtime.*, service.name, service.version, telemetry.sdk.*"));
    rows.add(new Row(OTLP, "`OTEL_TRACES_SAMPLER` unset (`parentbased_always_on`)", "`OTEL_TRACES_SAMPLER`",
        "no parent; sampled and unsampled `traceparent`",
        run -> Observe.sampled(run, labels("sampled parent", SAMPLED, "unsampled parent", UNSAMPLED, "no parent", "")),
        "sampled parent: span; unsampled parent: none; no parent: span"));
    rows.add(new Row(OTLP, "`OTEL_PROPAGATORS` unset (`tracecontext,baggage`)", "`OTEL_PROPAGATORS`",
        "a sampled `traceparent`", run -> Observe.parent(run, SAMPLED, PARENT), "continues the caller's trace"));

    // Resource
    rows.add(new Row(OTLP, "`OTEL_SERVICE_NAME=checkout`", "`OTEL_SERVICE_NAME`", "any",
        run -> Observe.resources(run, SERVICE_NAME), "service.name = checkout"));
    rows.add(new Row(OTLP, "`OTEL_RESOURCE_ATTRIBUTES=deployment.environment.name=test,service.version=1.2.3`",
        "`OTEL_RESOURCE_ATTRIBUTES`", "any",
        run -> Observe.resources(run, DEPLOYMENT_ENVIRONMENT_NAME, SERVICE_VERSION),
        "deployment.environment.name = test, service.version = 1.2.3"));
    rows.add(new Row(DISABLED, "`OTEL_SDK_DISABLED=true`", "`OTEL_SDK_DISABLED`", "a sampled `traceparent`",
        run -> (run.status("sampled") == 200 ? "served" : "answered " + run.status("sampled"))
            + (run.traceIds().isEmpty() ? ", no span exported" : ", spans exported"),
        "served, no span exported"));

    // Samplers
    rows.add(new Row(ALWAYS_ON, "`OTEL_TRACES_SAMPLER=always_on`", "`OTEL_TRACES_SAMPLER`", "no parent; unsampled `traceparent`",
        run -> Observe.sampled(run, labels("unsampled parent", UNSAMPLED, "no parent", "")),
        "unsampled parent: span; no parent: span"));
    rows.add(new Row(ALWAYS_OFF, "`OTEL_TRACES_SAMPLER=always_off`", "`OTEL_TRACES_SAMPLER`", "no parent; sampled `traceparent`",
        run -> Observe.sampled(run, labels("sampled parent", SAMPLED, "no parent", "")),
        "sampled parent: none; no parent: none"));
    rows.add(new Row(RATIO, "`OTEL_TRACES_SAMPLER=traceidratio`, `OTEL_TRACES_SAMPLER_ARG=0.5`", "`OTEL_TRACES_SAMPLER`, `_ARG`",
        "a trace id below the ratio with an unsampled parent; one above it with a sampled parent",
        run -> Observe.sampled(run, labels("id below, parent unsampled", LOW_ID, "id above, parent sampled", HIGH_ID)),
        "id below, parent unsampled: span; id above, parent sampled: none"));
    rows.add(new Row(PROPAGATORS, "`OTEL_TRACES_SAMPLER=parentbased_always_off`", "`OTEL_TRACES_SAMPLER`",
        "no parent; sampled and unsampled `traceparent`",
        run -> Observe.sampled(run, labels("sampled parent", SAMPLED, "unsampled parent", UNSAMPLED, "no parent", "")),
        "sampled parent: span; unsampled parent: none; no parent: none"));
    rows.add(new Row(DELAYED, "`OTEL_TRACES_SAMPLER=parentbased_traceidratio`, `OTEL_TRACES_SAMPLER_ARG=0`",
        "`OTEL_TRACES_SAMPLER`, `_ARG`", "no parent; sampled and unsampled `traceparent`",
        run -> Observe.sampled(run, labels("sampled parent", SAMPLED, "unsampled parent", UNSAMPLED, "no parent", "")),
        "sampled parent: span; unsampled parent: none; no parent: none"));
    rows.add(new Row(CONSOLE, "`OTEL_TRACES_SAMPLER=linksbased_parentbased_always_on`", "none",
        "no parent; sampled and unsampled `traceparent`",
        run -> Observe.sampled(run, labels("sampled parent", SAMPLED, "unsampled parent", UNSAMPLED, "no parent", "")),
        "sampled parent: span; unsampled parent: none; no parent: span"));
    rows.add(new Row(JAEGER_REMOTE, "`OTEL_TRACES_SAMPLER=jaeger_remote`, `OTEL_TRACES_SAMPLER_ARG=endpoint=…`",
        "`OTEL_TRACES_SAMPLER`, `_ARG`", "none",
        run -> run.grpc.prefaceSeen() ? "polls the endpoint over gRPC" : "no gRPC connection",
        "polls the endpoint over gRPC", Map.of(MANUAL, REFUSED_JAEGER, PROGRAMMATIC, REFUSED_JAEGER), NO_JAEGER));

    // Propagators
    rows.add(new Row(PROPAGATORS, "`OTEL_PROPAGATORS` with `tracecontext`", "`OTEL_PROPAGATORS`", "a sampled `traceparent`",
        run -> Observe.parent(run, SAMPLED, PARENT), "continues the caller's trace"));
    rows.add(new Row(PROPAGATORS, "`OTEL_PROPAGATORS` with `b3`", "`OTEL_PROPAGATORS`", "a sampled `b3` header",
        run -> Observe.parent(run, B3, PARENT), "continues the caller's trace"));
    rows.add(new Row(PROPAGATORS, "`OTEL_PROPAGATORS` with `b3multi`", "`OTEL_PROPAGATORS`", "sampled `X-B3-*` headers",
        run -> Observe.parent(run, B3_MULTI, PARENT), "continues the caller's trace"));
    rows.add(new Row(PROPAGATORS, "`OTEL_PROPAGATORS` with `jaeger`", "`OTEL_PROPAGATORS`", "a sampled `uber-trace-id`",
        run -> Observe.parent(run, JAEGER, PARENT), "continues the caller's trace"));
    rows.add(new Row(PROPAGATORS, "`OTEL_PROPAGATORS` with `ottrace`", "`OTEL_PROPAGATORS`", "sampled `ot-tracer-*` headers",
        run -> Observe.parent(run, OT, PARENT), "continues the caller's trace"));
    rows.add(new Row(PROPAGATORS, "`OTEL_PROPAGATORS` with `xray`", "`OTEL_PROPAGATORS`", "a sampled `X-Amzn-Trace-Id`",
        run -> Observe.parent(run, XRAY, PARENT), "continues the caller's trace"));
    rows.add(new Row(RATIO, "`OTEL_PROPAGATORS` with `xray-lambda`", "`OTEL_PROPAGATORS`", "a sampled `X-Amzn-Trace-Id`",
        run -> Observe.parent(run, XRAY_LAMBDA, PARENT), "continues the caller's trace"));
    rows.add(new Row(COLLECTOR_DOWN, "`OTEL_PROPAGATORS=baggage`", "`OTEL_PROPAGATORS`", "a sampled `traceparent`",
        run -> Observe.parent(run, SAMPLED, PARENT), "new trace: the header is not read"));
    rows.add(new Row(QUEUE, "`OTEL_PROPAGATORS=none`", "`OTEL_PROPAGATORS`", "a sampled `traceparent`",
        run -> Observe.parent(run, SAMPLED, PARENT), "new trace: the header is not read"));

    // Exporters
    rows.add(new Row(OTLP, "`OTEL_TRACES_EXPORTER=otlp`", "`OTEL_TRACES_EXPORTER`", "two sampled requests",
        run -> run.receiver.spans().size() + " server spans at the collector, none on the console"
            + (run.output().stderr().stream().anyMatch(line -> line.contains(ExportedSpans.OTLP_JSON_START)) ? " (and on the console)" : ""),
        "2 server spans at the collector, none on the console"));
    rows.add(new Row(CONSOLE, "`OTEL_TRACES_EXPORTER=console`", "`OTEL_TRACES_EXPORTER=console`", "two sampled requests",
        run -> run.oneLineSpans().size() + " lines `'GET /server_request' : <trace id> <span id> SERVER …` on stderr",
        "2 lines `'GET /server_request' : <trace id> <span id> SERVER …` on stderr"));
    rows.add(new Row(ALWAYS_ON, "`OTEL_TRACES_EXPORTER=logging` (the old name of `console`)", "`OTEL_TRACES_EXPORTER=console`",
        "two sampled requests",
        run -> run.oneLineSpans().size() + " lines `'GET /server_request' : <trace id> <span id> SERVER …` on stderr",
        "2 lines `'GET /server_request' : <trace id> <span id> SERVER …` on stderr"));
    rows.add(new Row(CONSOLE, "`OTEL_TRACES_EXPORTER=logging-otlp` (the default here)", "none",
        "two sampled requests", run -> jsonSpans(run.output().stderr()) + " server spans as OTLP JSON on stderr",
        "2 server spans as OTLP JSON on stderr"));
    rows.add(new Row(CONSOLE, "`OTEL_TRACES_EXPORTER=experimental-otlp/stdout`", "none",
        "two sampled requests", run -> jsonSpans(run.output().stdout()) + " server spans as OTLP JSON on stdout",
        "2 server spans as OTLP JSON on stdout"));
    rows.add(new Row(ZIPKIN, "`OTEL_TRACES_EXPORTER=zipkin`", "`OTEL_TRACES_EXPORTER=zipkin`", "one request",
        run -> Observe.paths(run) + ", " + run.receiver.spans().size() + " span as Zipkin JSON",
        "POST /api/v2/spans, 1 span as Zipkin JSON", Map.of(MANUAL, REFUSED_ZIPKIN, PROGRAMMATIC, REFUSED_ZIPKIN), NO_ZIPKIN));
    rows.add(new Row(NONE, "`OTEL_TRACES_EXPORTER=none`", "`OTEL_TRACES_EXPORTER=none`", "a sampled `traceparent`",
        run -> (run.status("sampled") == 200 ? "served" : "answered " + run.status("sampled"))
            + (run.traceIds().isEmpty() && run.receiver.requests().isEmpty() ? ", nothing exported" : ", spans exported"),
        "served, nothing exported"));
    rows.add(new Row(OTLP, "`OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:<port>`", "`OTEL_EXPORTER_OTLP_ENDPOINT`",
        "any", Observe::paths, "POST /v1/traces"));
    rows.add(new Row(RATIO, "`OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://127.0.0.1:<port>/custom/traces`",
        "`OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`", "any", Observe::paths, "POST /custom/traces"));
    rows.add(new Row(OTLP, "`OTEL_EXPORTER_OTLP_PROTOCOL` unset", "`OTEL_EXPORTER_OTLP_PROTOCOL`", "any",
        run -> "Content-Type " + Observe.header(run, "content-type"), "Content-Type application/x-protobuf"));
    rows.add(new Row(JSON, "`OTEL_EXPORTER_OTLP_PROTOCOL=http/json`", "`OTEL_EXPORTER_OTLP_PROTOCOL`", "one request",
        run -> run.status("root") == 200 && agentFailed(run, "Unsupported OTLP traces protocol: http/json")
            ? AGENT_NO_JSON : run.receiver.spans().size() + " span at the collector",
        AGENT_NO_JSON, Map.of(MANUAL, REFUSED_JSON, PROGRAMMATIC, REFUSED_JSON),
        "no mode exports OTLP as JSON over HTTP: the agent's exporter does not support it either, but the agent then serves"
            + " untraced after a stack trace, where the SDK modes stop with one line"));
    rows.add(new Row(GRPC, "`OTEL_EXPORTER_OTLP_PROTOCOL=grpc`", "`OTEL_EXPORTER_OTLP_PROTOCOL`", "one request",
        run -> run.grpc.prefaceSeen() ? "exports over gRPC (HTTP/2 to the endpoint)" : "no gRPC connection",
        "exports over gRPC (HTTP/2 to the endpoint)", Map.of(MANUAL, REFUSED_GRPC, PROGRAMMATIC, REFUSED_GRPC), NO_GRPC));
    rows.add(new Row(OTLP, "`OTEL_EXPORTER_OTLP_HEADERS=x-api-key=abc123`", "`OTEL_EXPORTER_OTLP_HEADERS`", "any",
        run -> "x-api-key: " + Observe.header(run, "x-api-key") + " on every export", "x-api-key: abc123 on every export"));
    rows.add(new Row(OTLP, "`OTEL_EXPORTER_OTLP_COMPRESSION=gzip`", "`OTEL_EXPORTER_OTLP_COMPRESSION`", "any",
        run -> "Content-Encoding " + Observe.header(run, "content-encoding") + ", spans decoded",
        "Content-Encoding gzip, spans decoded"));
    rows.add(new Row(COLLECTOR_DOWN, "`OTEL_EXPORTER_OTLP_TIMEOUT=1000`, a collector that accepts and never answers",
        "`OTEL_EXPORTER_OTLP_TIMEOUT`", "one request, then SIGTERM", CollectorDown::timeout, CollectorDown.EXPECTED_TIMEOUT));
    rows.add(new Row(COLLECTOR_DOWN, "a collector that accepts and never answers", "none",
        "rounds of requests with the collector answering, then hanging", CollectorDown::latency, CollectorDown.EXPECTED_LATENCY));

    // Batch span processor
    rows.add(new Row(DELAYED, "`OTEL_BSP_SCHEDULE_DELAY=60000`", "`OTEL_BSP_SCHEDULE_DELAY`", "a sampled `traceparent`",
        run -> ((int) run.measured("before stop") == 0 ? "nothing exported after 1.5 s" : "exported within 1.5 s")
            + (run.traceIds().isEmpty() ? ", nothing at shutdown" : ", the span at shutdown"),
        "nothing exported after 1.5 s, the span at shutdown"));
    rows.add(new Row(OTLP, "`OTEL_BSP_MAX_EXPORT_BATCH_SIZE=1`", "`OTEL_BSP_MAX_EXPORT_BATCH_SIZE`", "two sampled requests",
        run -> run.receiver.requests().stream().map(request -> String.valueOf(request.spans().size()))
            .distinct().collect(Collectors.joining(" or ")) + " span per export",
        "1 span per export"));
    rows.add(new Row(QUEUE, "`OTEL_BSP_MAX_QUEUE_SIZE=2`", "`OTEL_BSP_MAX_QUEUE_SIZE`",
        "five requests while the first export hangs",
        run -> run.receiver.spans().size() + " of 5 spans exported", "3 of 5 spans exported"));
    rows.add(new Row(QUEUE, "`OTEL_BSP_EXPORT_TIMEOUT=3000`", "`OTEL_BSP_EXPORT_TIMEOUT`",
        "five requests while the first export hangs",
        run -> run.receiver.requests().size() > 1 ? "the hung export given up, the next ones sent" : "stuck behind the hung export",
        "the hung export given up, the next ones sent"));

    // Limits
    rows.add(new Row(CONSOLE, "`OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT=10`", "`OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT`", "any",
        run -> "string values cut to " + longestString(run) + " characters", "string values cut to 10 characters"));
    rows.add(new Row(RATIO, "`OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT=5`", "`OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT`", "any",
        run -> run.spans().stream().map(span -> String.valueOf(span.attributes().size())).distinct()
            .collect(Collectors.joining(" or ")) + " attributes per span",
        "5 attributes per span"));

    // Header capture
    rows.add(new Row(OTLP, "`OTEL_INSTRUMENTATION_HTTP_SERVER_CAPTURE_REQUEST_HEADERS=X-Request-Id`",
        "`OTEL_INSTRUMENTATION_HTTP_CAPTURE_HEADERS_SERVER_REQUEST`", "`X-Request-Id: r-42`",
        run -> Observe.attributes(run, SAMPLED, HTTP_REQUEST_HEADER.getAttributeKey("x-request-id")),
        "http.request.header.x-request-id = [r-42]", Map.of(MANUAL, "http.request.header.x-request-id = null"), BY_HAND));
    rows.add(new Row(OTLP, "`OTEL_INSTRUMENTATION_HTTP_SERVER_CAPTURE_RESPONSE_HEADERS=Content-Type`",
        "`OTEL_INSTRUMENTATION_HTTP_CAPTURE_HEADERS_SERVER_RESPONSE`", "any",
        run -> Observe.attributes(run, SAMPLED, HTTP_RESPONSE_HEADER.getAttributeKey("content-type")),
        "http.response.header.content-type = [text/html;charset=utf-8]",
        Map.of(MANUAL, "http.response.header.content-type = null"), BY_HAND));

    // URL sanitization
    rows.add(new Row(OTLP, "`OTEL_INSTRUMENTATION_SANITIZATION_URL_EXPERIMENTAL_SENSITIVE_QUERY_PARAMETERS=token`", "none",
        "`?param=sampled&token=abc&sig=s`", run -> Observe.attributes(run, SAMPLED, URL_QUERY),
        "url.query = param=sampled&token=REDACTED&sig=s", // sig, on the default list, is shown: the list is replaced
        Map.of(MANUAL, "url.query = param=sampled&token=abc&sig=REDACTED"), BY_HAND));

    // HTTP instrumentation settings
    rows.add(new Row(HTTP, "`OTEL_INSTRUMENTATION_HTTP_KNOWN_METHODS=POST`", "`OTEL_INSTRUMENTATION_HTTP_KNOWN_METHODS`", "a GET",
        run -> Observe.span(run, SAMPLED).map(span -> span.name() + "; http.request.method = "
            + span.attribute(HTTP_REQUEST_METHOD) + ", _original = " + span.attribute(HTTP_REQUEST_METHOD_ORIGINAL))
            .orElse("no span"),
        "HTTP /server_request; http.request.method = _OTHER, _original = GET",
        Map.of(MANUAL, "GET /server_request; http.request.method = GET, _original = null"), BY_HAND));
    rows.add(new Row(HTTP, "`OTEL_INSTRUMENTATION_HTTP_SERVER_EMIT_EXPERIMENTAL_TELEMETRY=true`", "none", "a GET with a 5-byte body",
        run -> Observe.attributes(run, SAMPLED, HTTP_REQUEST_BODY_SIZE, HTTP_RESPONSE_BODY_SIZE),
        "http.request.body.size = 5, http.response.body.size = null",
        Map.of(MANUAL, "http.request.body.size = null, http.response.body.size = null"), BY_HAND));
    return rows;
  }

  /** Whether the agent said it failed to start, for {@code reason}: it then serves without telemetry. */
  static boolean agentFailed(ModeRun run, String reason) {
    List<String> stderr = run.output().stderr();
    return stderr.contains("OpenTelemetry Javaagent failed to start") && stderr.stream().anyMatch(line -> line.contains(reason));
  }

  static int jsonSpans(List<String> lines) {
    return (int) ExportedSpans.parse(lines).stream()
        .filter(span -> span.kind().equals("SERVER")).count();
  }

  /** The resource's keys, grouped by namespace: what the detectors found, whatever their values here. */
  static String resourceGroups(ModeRun run) {
    Set<String> keys = new TreeSet<>();
    run.spans().stream().findFirst().ifPresent(span -> keys.addAll(span.resource().keySet()));
    Set<String> groups = new TreeSet<>();
    for (String key : keys) {
      if (key.startsWith("service.instance") || key.startsWith("telemetry.distro")) {
        continue; // the agent's own, compared in docs/comparison.md
      }
      groups.add(key.startsWith("service.") ? key : key.substring(0, key.lastIndexOf('.')) + ".*");
    }
    return String.join(", ", groups);
  }

  /** The longest string attribute value of any span: the limit, when the limit cut something. */
  static int longestString(ModeRun run) {
    return run.spans().stream().flatMap(span -> span.attributes().values().stream())
        .filter(value -> value instanceof String).mapToInt(value -> ((String) value).length()).max().orElse(0);
  }

  /** Every group the rows use, in the order rows first name them. */
  static List<Group> groups(List<Row> rows) {
    return rows.stream().map(Row::group).distinct().toList();
  }

  private ConfigTable() {}
}
