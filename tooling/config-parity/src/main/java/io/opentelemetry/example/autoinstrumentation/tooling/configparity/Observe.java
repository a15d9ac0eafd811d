package io.opentelemetry.example.autoinstrumentation.tooling.configparity;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.OtlpReceiver;
import io.opentelemetry.api.common.AttributeKey;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The effects a row can observe in a run, each said in words that are the same whenever the behaviour is. */
final class Observe {

  /** The span the run made for a request whose parent was in trace {@code traceId}, if any. */
  static Optional<ExportedSpan> span(ModeRun run, String traceId) {
    return run.spans().stream().filter(span -> span.traceId().equals(traceId)).findFirst();
  }

  /** Whether the caller's context in trace {@code traceId}, span {@code parentId}, was continued. */
  static String parent(ModeRun run, String traceId, String parentId) {
    Optional<ExportedSpan> span = span(run, traceId);
    if (span.isPresent()) {
      return span.get().parentSpanId().equals(parentId) ? "continues the caller's trace" : "same trace, other parent";
    }
    Set<String> known = Set.copyOf(run.traceIds());
    return known.isEmpty() ? "no span" : "new trace: the header is not read";
  }

  /** For each labelled trace id, whether the run made a span in it: "sampled parent: span; unsampled parent: none". */
  static String sampled(ModeRun run, Map<String, String> traceIdsByLabel) {
    List<String> seen = run.traceIds();
    Map<String, String> results = new LinkedHashMap<>();
    traceIdsByLabel.forEach((label, traceId) -> results.put(label, seen.contains(traceId) ? "span" : "none"));
    if (traceIdsByLabel.containsKey("no parent")) { // a root span has a fresh trace id: any id no request gave
      boolean root = seen.stream().anyMatch(id -> !ConfigTable.GIVEN.contains(id));
      results.put("no parent", root ? "span" : "none");
    }
    return results.entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
        .collect(Collectors.joining("; "));
  }

  static Map<String, String> labels(String... labelsAndTraceIds) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < labelsAndTraceIds.length; i += 2) {
      map.put(labelsAndTraceIds[i], labelsAndTraceIds[i + 1]);
    }
    return map;
  }

  /** The distinct values of one header over every export the receiver got. */
  static String header(ModeRun run, String name) {
    Set<String> values = new TreeSet<>();
    for (OtlpReceiver.Request request : run.receiver.requests()) {
      values.add(String.valueOf(request.header(name)));
    }
    return values.isEmpty() ? "nothing received" : String.join(", ", values);
  }

  /** The distinct request paths the receiver got. */
  static String paths(ModeRun run) {
    Set<String> paths = run.receiver.requests().stream().map(OtlpReceiver.Request::path).collect(Collectors.toCollection(TreeSet::new));
    return paths.isEmpty() ? "nothing received" : "POST " + String.join(", ", paths);
  }

  /** The value of a resource attribute of the run's server spans. */
  static String resource(ModeRun run, AttributeKey<?> key) {
    return run.spans().stream().map(span -> String.valueOf(span.resource().get(key.getKey()))).distinct()
        .collect(Collectors.joining(", "));
  }

  /** Resource attributes of the run's server spans as a reader reads them: {@code service.name = checkout}. */
  static String resources(ModeRun run, AttributeKey<?>... keys) {
    return Arrays.stream(keys).map(key -> key.getKey() + " = " + resource(run, key)).collect(Collectors.joining(", "));
  }

  /** Attributes of the span in trace {@code traceId} as a reader reads them: {@code url.query = param=x}. */
  static String attributes(ModeRun run, String traceId, AttributeKey<?>... keys) {
    return Arrays.stream(keys).map(key -> key.getKey() + " = "
        + span(run, traceId).map(span -> String.valueOf(span.attribute(key))).orElse("no span"))
        .collect(Collectors.joining(", "));
  }

  private Observe() {}
}
