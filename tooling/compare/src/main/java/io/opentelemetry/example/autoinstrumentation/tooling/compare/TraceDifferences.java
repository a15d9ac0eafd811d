package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where several traces of the same request differ. Spans are paired by their place in the tree (the kind and name of
 * each span from the root down, so any number of spans pairs up), then compared field by field as {@link Normalizer}
 * shows them: ids, times, ports and thread ids never count as a difference. The parent is the place itself.
 */
public final class TraceDifferences {

  /** The field that marks a span which some of the traces do not have. */
  public static final String SPAN = "span";

  /** One field of one span that differs from the reference trace's; either value is null when that trace lacks the span. */
  public record Difference(ExportedSpan span, String field, String value, String reference) {}

  /**
   * Per trace, per span id, the fields in which the span differs from its counterpart in another trace, with this
   * span's values, in the order {@link Normalizer} gives them. A span that not every trace has is marked {@link #SPAN}.
   */
  public static <K> Map<K, Map<String, Map<String, String>>> marks(Map<K, List<ExportedSpan>> traces) {
    Map<K, Map<String, ExportedSpan>> placed = new LinkedHashMap<>();
    traces.forEach((key, trace) -> placed.put(key, byPlace(trace)));
    Set<String> places = new LinkedHashSet<>();
    placed.values().forEach(spans -> places.addAll(spans.keySet()));
    Map<K, Map<String, Map<String, String>>> marks = new LinkedHashMap<>();
    placed.keySet().forEach(key -> marks.put(key, new LinkedHashMap<>()));
    for (String place : places) {
      Map<K, Map<String, String>> fields = new LinkedHashMap<>();
      placed.forEach((key, spans) -> {
        if (spans.containsKey(place)) {
          fields.put(key, fields(spans.get(place)));
        }
      });
      boolean everywhere = fields.size() == placed.size();
      Set<String> names = new LinkedHashSet<>();
      fields.values().forEach(values -> names.addAll(values.keySet()));
      fields.forEach((key, values) -> {
        Map<String, String> differing = new LinkedHashMap<>();
        if (!everywhere) {
          differing.put(SPAN, "not in every trace");
        }
        for (String name : names) {
          if (fields.values().stream().map(other -> other.get(name)).distinct().count() > 1) {
            differing.put(name, values.getOrDefault(name, "(absent)"));
          }
        }
        if (!differing.isEmpty()) {
          marks.get(key).put(placed.get(key).get(place).spanId(), differing);
        }
      });
    }
    return marks;
  }

  /** What differs in {@code trace} from {@code reference}, span by span in {@code trace}'s order, then spans it lacks. */
  public static List<Difference> against(List<ExportedSpan> reference, List<ExportedSpan> trace) {
    Map<String, ExportedSpan> expected = byPlace(reference);
    Map<String, ExportedSpan> actual = byPlace(trace);
    List<Difference> differences = new ArrayList<>();
    actual.forEach((place, span) -> {
      ExportedSpan counterpart = expected.get(place);
      if (counterpart == null) {
        differences.add(new Difference(span, SPAN, span.name(), null));
        return;
      }
      Map<String, String> mine = fields(span);
      Map<String, String> theirs = fields(counterpart);
      Set<String> names = new LinkedHashSet<>(theirs.keySet());
      names.addAll(mine.keySet());
      for (String name : names) {
        if (!Objects.equals(mine.get(name), theirs.get(name))) {
          differences.add(new Difference(span, name, mine.getOrDefault(name, "(absent)"),
              theirs.getOrDefault(name, "(absent)")));
        }
      }
    });
    expected.forEach((place, span) -> {
      if (!actual.containsKey(place)) {
        differences.add(new Difference(span, SPAN, null, span.name()));
      }
    });
    return differences;
  }

  /** A span's fields as the comparison shows them, without its parent: the place in the tree says that. */
  static Map<String, String> fields(ExportedSpan span) {
    Map<String, String> fields = Normalizer.fields(span, (String) null);
    fields.remove("parent");
    return fields;
  }

  /**
   * The spans of a trace keyed by their place: the kinds and names from the root down, and among siblings that share
   * both, their order of start.
   */
  static Map<String, ExportedSpan> byPlace(List<ExportedSpan> trace) {
    Map<String, ExportedSpan> placed = new LinkedHashMap<>();
    Map<String, String> places = new HashMap<>();
    for (ExportedSpan span : depthFirst(trace)) {
      String parent = places.getOrDefault(span.parentSpanId(), "");
      String place = parent + "/" + span.kind() + " " + span.name();
      int rank = 1;
      while (placed.containsKey(place + "#" + rank)) {
        rank++;
      }
      places.put(span.spanId(), place + "#" + rank);
      placed.put(place + "#" + rank, span);
    }
    return placed;
  }

  /**
   * The spans of a trace, each parent before its children, siblings by start time then name. A root is a span whose
   * parent is not in the trace: the first span of a trace, or one continuing a caller's that exported elsewhere.
   */
  public static List<ExportedSpan> depthFirst(List<ExportedSpan> trace) {
    Set<String> ids = trace.stream().map(ExportedSpan::spanId).collect(Collectors.toSet());
    Comparator<ExportedSpan> order =
        Comparator.comparingLong(ExportedSpan::startEpochNanos).thenComparing(ExportedSpan::name);
    List<ExportedSpan> ordered = new ArrayList<>();
    trace.stream().filter(span -> !ids.contains(span.parentSpanId())).sorted(order)
        .forEach(root -> addWithChildren(root, trace, order, ordered));
    return ordered;
  }

  private static void addWithChildren(ExportedSpan span, List<ExportedSpan> trace, Comparator<ExportedSpan> order,
      List<ExportedSpan> ordered) {
    ordered.add(span);
    trace.stream().filter(child -> span.spanId().equals(child.parentSpanId())).sorted(order)
        .forEach(child -> addWithChildren(child, trace, order, ordered));
  }

  private TraceDifferences() {}
}
