package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.opentelemetry.example.autoinstrumentation.tooling.bench.FlameGraph.Part;
import io.opentelemetry.example.autoinstrumentation.tooling.bench.FlameGraph.Share;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class FlameGraphTest {

  static final String JETTY = "[qtp1916160176-17 tid=101];java/lang/Thread.run;org/eclipse/jetty/server/Server.handle";
  static final String HANDLER =
      JETTY + ";io/opentelemetry/example/autoinstrumentation/spark/v2_6/OpenTelemetryHandler.handle";

  /** Collapsed stacks as async-profiler writes them with {@code threads}: one of each kind of sample. */
  static final List<String> COLLAPSED = List.of(
      HANDLER + ";org/eclipse/jetty/server/handler/HandlerWrapper.handle;spark/http/matching/MatcherFilter.doFilter;"
          + "io/opentelemetry/example/autoinstrumentation/server/programmatic/ServerProgrammatic.lambda$serve$0;"
          + "java/io/PrintStream.println;__GI___libc_write;ksys_write_[k] 10",
      HANDLER + ";org/eclipse/jetty/server/handler/HandlerWrapper.handle;java/util/HashMap.get 40",
      HANDLER + ";io/opentelemetry/instrumentation/api/instrumenter/Instrumenter.end;java/util/HashMap.put 6",
      HANDLER + ";io/opentelemetry/instrumentation/api/instrumenter/Instrumenter.start 4",
      "[BatchSpanProcessor_WorkerThread-1 tid=55];java/lang/Thread.run;"
          + "io/opentelemetry/sdk/trace/export/BatchSpanProcessor$Worker.run;"
          + "io/opentelemetry/sdk/trace/export/BatchSpanProcessor$Worker.exportCurrentBatch 15",
      "[jdkhttp-executor-1 tid=56];java/lang/Thread.run;java/util/concurrent/ThreadPoolExecutor.runWorker 5",
      "[C2 CompilerThre tid=7];start_thread;CompileBroker::compiler_thread_loop 12",
      "[GC Thread#0 tid=8];start_thread;GangWorker::loop 3",
      "[VM Thread tid=9];start_thread;VMThread::run 5");

  @Test
  void eachSampleCountsForTheFirstPartOfTheCostItsStackShowsFromTheLeafDown() {
    FlameGraph graph = FlameGraph.parse(COLLAPSED);

    assertThat(graph.samples()).isEqualTo(100);
    assertThat(graph.share(Share.ROUTE)).isCloseTo(0.10, within(1e-9)); // println under the route, though Jetty called it
    assertThat(graph.share(Share.SERVER)).isCloseTo(0.40, within(1e-9)); // a JDK leaf counts for its Jetty caller
    assertThat(graph.share(Share.REQUEST_PATH)).isCloseTo(0.10, within(1e-9));
    assertThat(graph.share(Share.BACKGROUND)).isCloseTo(0.20, within(1e-9)); // the sender's JDK-only thread too
    assertThat(graph.share(Share.JIT)).isCloseTo(0.12, within(1e-9));
    assertThat(graph.share(Share.GC)).isCloseTo(0.03, within(1e-9));
    assertThat(graph.share(Share.OTHER)).isCloseTo(0.05, within(1e-9));
    assertThat(graph.kernelFrames).isTrue();
  }

  @Test
  void operationsAreNamedByTheRunOfOpenTelemetryFramesThatHoldsTheSample() {
    FlameGraph graph = FlameGraph.parse(COLLAPSED);

    assertThat(graph.topOperations(Share.REQUEST_PATH, 5)).extracting(entry -> entry.getKey())
        .containsExactly("OpenTelemetryHandler.handle › Instrumenter.end",
            "OpenTelemetryHandler.handle › Instrumenter.start");
    assertThat(graph.topOperations(Share.BACKGROUND, 5)).extracting(entry -> entry.getKey())
        .containsExactly("BatchSpanProcessor$Worker.run › BatchSpanProcessor$Worker.exportCurrentBatch");
  }

  @Test
  void framesArePartsOfTheCostByTheirPackage() {
    assertThat(Part.of("io/opentelemetry/sdk/trace/SdkSpan.end")).isEqualTo(Part.OPENTELEMETRY);
    assertThat(Part.of("io/opentelemetry/javaagent/bootstrap/Java8BytecodeBridge.currentContext"))
        .isEqualTo(Part.OPENTELEMETRY);
    assertThat(Part.of("io/opentelemetry/example/autoinstrumentation/server/manual/ServerManual.lambda$traced$1"))
        .isEqualTo(Part.OPENTELEMETRY);
    assertThat(Part.of("io/opentelemetry/example/autoinstrumentation/server/manual/ServerManual.lambda$serve$0"))
        .isEqualTo(Part.ROUTE);
    assertThat(Part.of("io/opentelemetry/example/autoinstrumentation/common/CatalogSearch.search")).isEqualTo(Part.ROUTE);
    assertThat(Part.of("spark/Service.lambda$init$2")).isEqualTo(Part.SERVER);
    // the application's logging, which the SDK modes' OpenTelemetryAppender calls on its way to the console
    assertThat(Part.of("ch/qos/logback/core/OutputStreamAppender.writeBytes")).isEqualTo(Part.ROUTE);
    assertThat(Part.of("org/slf4j/helpers/MessageFormatter.arrayFormat")).isEqualTo(Part.ROUTE);
    assertThat(Part.of("com/fasterxml/jackson/databind/ObjectMapper.writeValueAsString")).isEqualTo(Part.JAVA);
    assertThat(Part.of("tcp_sendmsg_[k]")).isEqualTo(Part.KERNEL);
    assertThat(Part.of("CompileBroker::compiler_thread_loop")).isEqualTo(Part.NATIVE);
    assertThat(FlameGraph.threadGroup("[qtp1916160176-17 tid=101]")).isEqualTo("Jetty request threads");
    assertThat(FlameGraph.threadGroup("[HttpClient-1-Worker-0 tid=3]")).isEqualTo("OTLP sender (JDK HttpClient)");
    assertThat(FlameGraph.shortName("spark/Service$$Lambda$121.0x00007f531c08e890.run")).isEqualTo("Service$$Lambda.run");
  }

  @Test
  void drawsAWellFormedSvgWithOpenTelemetryInItsOwnColour() throws Exception {
    String svg = FlameGraph.parse(COLLAPSED).svg("programmatic: a title", "a subtitle; its second line");

    Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertThat(document.getDocumentElement().getNodeName()).isEqualTo("svg");
    assertThat(svg).contains(">programmatic: a title<", ">its second line<", ">Jetty request threads<",
        "<title>io/opentelemetry/instrumentation/api/instrumenter/Instrumenter.end (6 samples, 6.00%)</title>");
    long purple = svg.lines().filter(line -> line.contains("fill=\"hsl(268,")).count();
    assertThat(purple).as("OpenTelemetry's frames and the legend's swatch").isEqualTo(1 + 5);
  }
}
