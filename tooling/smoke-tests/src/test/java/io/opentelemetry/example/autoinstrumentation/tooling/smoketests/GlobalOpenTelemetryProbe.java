package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What an application that has only the OpenTelemetry API on its class path gets from {@link GlobalOpenTelemetry}:
 * AutomaticApiIT runs it with and without the agent. Prints one {@code key=value} line per finding.
 */
public final class GlobalOpenTelemetryProbe {

  public static void main(String[] args) throws IOException {
    Properties api = new Properties();
    try (InputStream in = OpenTelemetry.class.getResourceAsStream("version.properties")) {
      api.load(in);
    }
    boolean isSet = GlobalOpenTelemetry.isSet();
    OpenTelemetry openTelemetry = GlobalOpenTelemetry.get();
    Span span = openTelemetry.getTracer("probe").spanBuilder("probe").startSpan();
    System.out.println("api=" + api.getProperty("sdk.version"));
    System.out.println("isSet=" + isSet);
    System.out.println("get=" + openTelemetry.getClass().getName());
    System.out.println("recording=" + span.isRecording());
    System.out.println("valid=" + span.getSpanContext().isValid());
    span.end();
    try {
      GlobalOpenTelemetry.set(OpenTelemetry.noop()); // what an application that sets up its own SDK would do next
      System.out.println("set=accepted");
    } catch (IllegalStateException e) {
      System.out.println("set=" + e.getClass().getSimpleName());
    }
    System.out.println("getAfterSet=" + GlobalOpenTelemetry.get().getClass().getName());
  }

  private GlobalOpenTelemetryProbe() {}
}
