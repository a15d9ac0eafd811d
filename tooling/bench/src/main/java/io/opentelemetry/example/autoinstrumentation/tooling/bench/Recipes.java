package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import java.util.List;

/** The JVM options of the start-up recipes the bench measures under the agent, as a reader would copy them. */
public final class Recipes {

  /**
   * Only the instrumentations this application uses, the real handler's included: Jetty makes the SERVER span, servlet
   * is the layer between, Spark names the route; OkHttp, JDBC and the executors trace what the handler calls; Logback
   * MDC puts the ids in the log lines. The agent keeps its own internal instrumentations on whatever this says.
   */
  public static final List<String> ONLY_WHAT_THE_APP_USES = List.of(
      "-Dotel.instrumentation.common.default-enabled=false",
      "-Dotel.instrumentation.jetty.enabled=true",
      "-Dotel.instrumentation.servlet.enabled=true",
      "-Dotel.instrumentation.spark.enabled=true",
      "-Dotel.instrumentation.okhttp.enabled=true",
      "-Dotel.instrumentation.jdbc.enabled=true",
      "-Dotel.instrumentation.executors.enabled=true",
      "-Dotel.instrumentation.logback-mdc.enabled=true");

  /** Stops the JIT at its first tier: a faster start, and slower code for as long as the process runs. */
  public static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

  private Recipes() {}
}
