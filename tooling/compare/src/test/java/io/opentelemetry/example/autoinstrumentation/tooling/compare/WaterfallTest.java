package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import static io.opentelemetry.example.autoinstrumentation.tooling.compare.TestTraces.pythonExample;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaterfallTest {

  @Test
  void eachSpanShowsItsServiceKindParentAndDuration() {
    String svg = Waterfall.svg("manual", pythonExample('a', "server-manual", "s", 0), Map.of(), 760);

    assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n")
        .contains(">client · INTERNAL · root of the trace<")
        .contains(">client · CLIENT · child of client<")
        .contains(">server-manual · SERVER · child of GET in client<")
        .contains(">40.0 ms<", ">30.0 ms<", ">20.0 ms<");
    assertThat(svg.split("<path ", -1)).as("one parent link per child").hasSize(3);
  }

  @Test
  void aTreeOfAnyShapeLinksEveryChildToItsParent() {
    String svg = Waterfall.svg("new route", tree(), Map.of(), 460);

    assertThat(svg.split("<path ", -1)).as("one parent link per child").hasSize(4);
    assertThat(svg).contains(">server · SERVER · root of the trace<", ">server · INTERNAL · child of GET /orders<",
        ">server · CLIENT · child of load<", ">server · INTERNAL · child of a span exported elsewhere<");
    assertThat(svg.indexOf(">load<")).isLessThan(svg.indexOf(">SELECT<")).isLessThan(svg.indexOf(">render<"));
  }

  /** A root with two children, the first with a child of its own, and a span whose parent is not in the trace. */
  static List<ExportedSpan> tree() {
    String trace = "f".repeat(32);
    return List.of(
        TestTraces.span("server", "s", trace, "0000000000000005", "0000000000000009", "orphan", "INTERNAL", Map.of(), 1, 2),
        TestTraces.span("server", "s", trace, "0000000000000004", "0000000000000001", "render", "INTERNAL", Map.of(), 20, 30),
        TestTraces.span("server", "s", trace, "0000000000000003", "0000000000000002", "SELECT", "CLIENT", Map.of(), 6, 15),
        TestTraces.span("server", "s", trace, "0000000000000002", "0000000000000001", "load", "INTERNAL", Map.of(), 5, 18),
        TestTraces.span("server", "s", trace, "0000000000000001", "", "GET /orders", "SERVER", Map.of(), 0, 32));
  }

  @Test
  void barsArePlacedOnTheTracesTimeLine() {
    String svg = Waterfall.svg("manual", pythonExample('a', "server-manual", "s", 0), Map.of(), 760);

    // the root spans the whole line, from the deepest indent (42) to the margin (750); the server span its middle half
    assertThat(svg).containsPattern("<rect class=\"measured\" x=\"42.0\" y=\"\\d+\" width=\"708.0\"")
        .containsPattern("<rect class=\"measured\" x=\"219.0\" y=\"\\d+\" width=\"354.0\"");
  }

  @Test
  void markedFieldsAreShownWithTheirValues() {
    List<ExportedSpan> trace = pythonExample('a', "server-manual", "io.opentelemetry.example.server-manual", 0);
    String svg = Waterfall.svg("manual", trace, Map.of("a000000000000003",
        Map.of("scope", "io.opentelemetry.example.server-manual")), 760);

    assertThat(svg).contains(">≠ scope io.opentelemetry.example.server-manual<")
        .contains("≠ differs from another mode's trace of the same request");
    assertThat(Waterfall.svg("manual", trace, Map.of(), 760)).doesNotContain("≠");
  }

  @Test
  void theDriftCheckIgnoresTimesButNotTheTrace() {
    String drawn = Waterfall.svg("manual", pythonExample('a', "server-manual", "s", 0), Map.of(), 760);
    String slower = Waterfall.svg("manual", pythonExample('b', "server-manual", "s", 250), Map.of(), 760);
    List<ExportedSpan> renamed = new ArrayList<>(pythonExample('a', "server-manual", "s", 0));
    ExportedSpan server = renamed.remove(2);
    renamed.add(new ExportedSpan(server.resource(), server.scope(), server.scopeVersion(), server.schemaUrl(),
        server.traceId(), server.spanId(), server.parentSpanId(), "GET /other", server.kind(), server.status(),
        server.attributes(), server.events(), server.traceState(), server.startEpochNanos(), server.endEpochNanos()));

    assertThat(slower).isNotEqualTo(drawn);
    assertThat(Waterfall.withoutMeasurements(slower)).isEqualTo(Waterfall.withoutMeasurements(drawn));
    assertThat(Waterfall.withoutMeasurements(Waterfall.svg("manual", renamed, Map.of(), 760)))
        .isNotEqualTo(Waterfall.withoutMeasurements(drawn));
  }

  @Test
  void aModeWithoutSpansSaysSoAndTextIsEscaped() {
    assertThat(Waterfall.svg("manual <no route>", List.of(), Map.of(), 460))
        .contains(">no span<").contains(">manual &lt;no route&gt;<");
  }
}
