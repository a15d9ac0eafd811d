package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.JavaProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A batch job, as a CLI or a scheduled task is: it makes one span, and main returns right after it, which ends the JVM.
 * How the job sets up OpenTelemetry, {@code args[0]}, is the only difference between its runs (ShortLivedJobIT,
 * StopTimes); each exports over OTLP to {@code OTEL_EXPORTER_OTLP_ENDPOINT}.
 */
final class ShortLivedJob {

  /** The line the job prints as its span ends, with the time, so that a run can tell how long the JVM took to exit. */
  static final String SPAN_ENDED = "span ended at ";

  public static void main(String[] args) {
    String setUp = args[0];
    // tag::set-ups[]
    switch (setUp) {
      // The agent's SDK, through the API: the agent's shutdown hook exports what is queued.
      case "agent" -> work(GlobalOpenTelemetry.get(), setUp);
      // The SDK from OTEL_* variables: AutoConfiguredOpenTelemetrySdk registers a shutdown hook that closes it.
      case "autoconfigure" -> work(AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk(), setUp);
      // The SDK built by hand, and nothing closes it: what its batch processor holds dies with the JVM.
      case "sdk" -> work(sdk(), setUp);
      // The same, closed before main returns: close() exports what is queued, waiting at most 10 s.
      case "sdk-close" -> {
        try (OpenTelemetrySdk sdk = sdk()) {
          work(sdk, setUp);
        }
      }
      // The same, flushed where the process cannot close it, e.g. a function that the platform freezes between calls.
      case "sdk-force-flush" -> {
        OpenTelemetrySdk sdk = sdk();
        work(sdk, setUp);
        sdk.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
      }
      default -> throw new IllegalArgumentException("unknown set-up: " + setUp);
    }
    // end::set-ups[]
  }

  /** The job's work: one span named after the set-up. */
  private static void work(OpenTelemetry openTelemetry, String setUp) {
    Span span = openTelemetry.getTracer("io.opentelemetry.example.job").spanBuilder(setUp).startSpan();
    span.end();
    System.out.println(SPAN_ENDED + System.currentTimeMillis());
  }

  /** An SDK as code builds one without autoconfigure: a batch processor in front of an OTLP exporter. */
  private static OpenTelemetrySdk sdk() {
    OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
        .setEndpoint(System.getenv("OTEL_EXPORTER_OTLP_ENDPOINT") + "/v1/traces")
        .build();
    return OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(BatchSpanProcessor.builder(exporter).build()).build())
        .build();
  }

  /**
   * The command that runs the job with {@code setUp} and {@code jvmOptions}, on this test's class path (which holds the
   * API, the SDK and the OTLP exporter); under the agent for {@code agent}.
   */
  static List<String> command(String setUp, List<String> jvmOptions) {
    List<String> command = new ArrayList<>(List.of(JavaProcess.javaExecutable()));
    command.addAll(jvmOptions);
    if (setUp.equals("agent")) {
      command.add("-javaagent:" + ProjectLayout.root().resolve("server-automatic/target/opentelemetry-javaagent.jar"));
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), ShortLivedJob.class.getName(), setUp));
    return command;
  }

  private ShortLivedJob() {}
}
