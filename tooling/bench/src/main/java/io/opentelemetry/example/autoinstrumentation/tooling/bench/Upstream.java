package io.opentelemetry.example.autoinstrumentation.tooling.bench;

/**
 * What upstream publishes about the agent's cost, which a reader will set beside this bench's figures. Copied here by
 * hand from the sources linked, with the dates they cover: they change only when someone reads them again.
 */
final class Upstream {

  /**
   * {@code benchmark-overhead}, nightly: spring-petclinic-rest on PostgreSQL, in containers, under k6. Its results
   * live on the repository's gh-pages branch; the figures below are the medians of the 30 nightly runs from
   * 2026-07-24 to 2026-08-22 in results.csv, the latest release against no agent.
   */
  static final String OVERHEAD =
      "https://github.com/open-telemetry/opentelemetry-java-instrumentation/tree/main/benchmark-overhead";
  static final String OVERHEAD_RESULTS = "https://github.com/open-telemetry/opentelemetry-java-instrumentation/blob/"
      + "gh-pages/benchmark-overhead/results/release/results.csv";
  static final String OVERHEAD_NIGHTS = "the 30 nightly runs from 2026-07-24 to 2026-08-22";
  static final double STARTUP_NONE_S = 10.75;
  static final double STARTUP_AGENT_S = 12.17;
  /** Night to night, the agent's start-up over no agent's ranged this far. */
  static final String STARTUP_NIGHTLY_RANGE = "0.66–1.40";
  static final double MEAN_NONE_MS = 3.56;
  static final double MEAN_AGENT_MS = 3.67;
  static final double P95_NONE_MS = 8.70;
  static final double P95_AGENT_MS = 9.17;

  /**
   * The JDK 25 AOT start-up benchmark (#20003, measured in #19999): a small Spring Boot application, JVM uptime when
   * Spring reports it started, 20-sample medians; both agent runs with its jar on the boot class path.
   */
  static final String AOT = "https://github.com/open-telemetry/opentelemetry-java-instrumentation/pull/19999";
  static final String AOT_BENCHMARK = "https://github.com/open-telemetry/opentelemetry-java-instrumentation/pull/20003";
  /** The agent's change that lets the cache hold: it leaves its jar alone when it is on the boot class path already. */
  static final String AOT_AGENT_FIX = "https://github.com/open-telemetry/opentelemetry-java-instrumentation/pull/20001";
  static final double AOT_NONE_S = 1.658;
  static final double AOT_NONE_CACHED_S = 1.022;
  static final double AOT_AGENT_S = 4.481;
  static final double AOT_AGENT_CACHED_S = 3.554;

  /**
   * opentelemetry.io's advice for Spring Boot: the agent by default, the starter where, among other cases, the agent's
   * start-up overhead exceeds a service's requirements.
   */
  static final String SPRING_BOOT_ADVICE = "https://opentelemetry.io/docs/zero-code/java/spring-boot-starter/";

  private Upstream() {}
}
