package io.opentelemetry.example.autoinstrumentation.tooling.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrettyOtlpJsonTest {

  private static final String SPANS = "{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":"
      + "\"server-manual\"}}]},\"scopeSpans\":[{\"spans\":[{\"name\":\"GET /server_request\"}]}]}";

  @Test
  void indentsAnExportBehindJavaUtilLoggingsPrefix() {
    String pretty = PrettyOtlpJson.pretty("INFO: " + SPANS);

    assertThat(pretty.lines()).first().isEqualTo("INFO:");
    assertThat(pretty.lines()).contains("  \"resource\" : {")
        .anyMatch(line -> line.matches(" +\"name\" : \"GET /server_request\""))
        // an attribute on one line, as the walkthrough shows them
        .anyMatch(line -> line.matches(" +\\{ \"key\" : \"service.name\", \"value\" : \\{ \"stringValue\" : \"server-manual\" } }"));
  }

  @Test
  void indentsAnExportBehindTheAgentsPrefix() {
    String prefix = "[otel.javaagent 2026-11-25 12:00:00:000 +0000] [BatchSpanProcessor_WorkerThread-1] INFO"
        + " io.opentelemetry.exporter.logging.otlp.internal.traces.OtlpStdoutSpanExporter - ";

    assertThat(PrettyOtlpJson.pretty(prefix + SPANS).lines()).first().isEqualTo(prefix.strip());
  }

  @Test
  void leavesEveryOtherLineAsItIs() {
    assertThat(PrettyOtlpJson.pretty("testing")).isEqualTo("testing");
    assertThat(PrettyOtlpJson.pretty("[main] INFO spark.embeddedserver - {\"resource")).endsWith("{\"resource");
  }
}
