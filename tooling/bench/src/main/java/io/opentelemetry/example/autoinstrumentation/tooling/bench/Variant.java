package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.JavaProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the benchmark compares: the three modes, the agent trimmed for start-up, and the server with no telemetry. */
enum Variant {
  BASELINE("baseline", "server-automatic without the agent: no telemetry at all", Mode.AUTOMATIC),
  MANUAL("manual", "span written by hand", Mode.MANUAL),
  PROGRAMMATIC("programmatic", "SparkTelemetry library instrumentation", Mode.PROGRAMMATIC),
  AUTOMATIC("automatic", "javaagent, default configuration", Mode.AUTOMATIC),
  AUTOMATIC_LEAN("automatic-lean", "javaagent, the lean recipe", Mode.AUTOMATIC);

  /**
   * The lean recipe: only the instrumentations this app needs (Jetty makes the SERVER span, Spark names the route,
   * servlet is the layer between), no JVM runtime metrics, and the JIT's first tier only, which starts faster. It also
   * turns off what justifies the agent in a real service: its HTTP-client, JDBC and executor instrumentations.
   */
  static final List<String> LEAN_FLAGS = List.of(
      "-Dotel.instrumentation.common.default-enabled=false",
      "-Dotel.instrumentation.jetty.enabled=true",
      "-Dotel.instrumentation.servlet.enabled=true",
      "-Dotel.instrumentation.spark.enabled=true",
      "-Dotel.instrumentation.runtime-telemetry.enabled=false",
      "-XX:TieredStopAtLevel=1");

  final String label;
  final String description;
  final Mode mode;

  Variant(String label, String description, Mode mode) {
    this.label = label;
    this.description = description;
    this.mode = mode;
  }

  boolean exportsSpans() {
    return this != BASELINE;
  }

  /** One of the three modes as the make targets run them: what the decomposition and the profiles take apart. */
  boolean isMode() {
    return this == MANUAL || this == PROGRAMMATIC || this == AUTOMATIC;
  }

  List<String> command(Path root) {
    if (this == BASELINE) {
      return List.of(JavaProcess.javaExecutable(),
          "-jar", mode.jar(root).toString());
    }
    List<String> jvmOptions = new ArrayList<>();
    if (this == AUTOMATIC_LEAN) {
      jvmOptions.addAll(LEAN_FLAGS);
    }
    return mode.command(root, jvmOptions);
  }

  static Variant of(String label) {
    for (Variant variant : values()) {
      if (variant.label.equals(label)) {
        return variant;
      }
    }
    throw new IllegalArgumentException("unknown variant '" + label + "'");
  }
}
