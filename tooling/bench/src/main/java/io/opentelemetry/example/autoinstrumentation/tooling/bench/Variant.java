package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import java.util.List;

/**
 * What the bench compares: the server with no telemetry, the three modes, and the recipes that cut the agent's
 * start-up, each measured whole (start-up and steady state) so that none is quoted without its price.
 */
enum Variant {
  BASELINE("baseline", "server-automatic without the agent: no telemetry at all", Mode.AUTOMATIC, false, false),
  MANUAL("manual", "span written by hand", Mode.MANUAL, false, false),
  PROGRAMMATIC("programmatic", "SparkTelemetry library instrumentation", Mode.PROGRAMMATIC, false, false),
  AUTOMATIC("automatic", "the agent as it comes", Mode.AUTOMATIC, false, false),
  AUTOMATIC_LEAN("automatic-lean", "the agent with only the instrumentations this application uses",
      Mode.AUTOMATIC, false, false),
  AUTOMATIC_LEAN_C1("automatic-lean-c1", "the same with the JIT's first tier only, a trade-off for short-lived"
      + " processes", Mode.AUTOMATIC, false, false),
  BASELINE_JDK25("baseline-jdk25", "baseline on JDK 25", Mode.AUTOMATIC, true, false),
  BASELINE_JDK25_AOT("baseline-jdk25-aot", "baseline on JDK 25 with an AOT cache", Mode.AUTOMATIC, true, true),
  AUTOMATIC_JDK25("automatic-jdk25", "the agent on JDK 25, its jar on the boot class path as upstream's AOT recipe"
      + " has it, without a cache", Mode.AUTOMATIC, true, false),
  AUTOMATIC_JDK25_AOT("automatic-jdk25-aot", "the agent on JDK 25 with an AOT cache: upstream's recipe",
      Mode.AUTOMATIC, true, true),
  /** Baseline measured a second time, last of its route in each round: its ratios to baseline are the run's noise. */
  BASELINE_AGAIN("baseline-again", "baseline again, last of its route in each round: its ratios to baseline are"
      + " the run's noise", Mode.AUTOMATIC, false, false);

  final String label;
  final String description;
  final Mode mode;
  /** Runs on the JDK 25 that the bench found, not on the bench's own. */
  final boolean jdk25;
  /** Runs from an AOT cache that a training run wrote before the rounds. */
  final boolean aot;

  Variant(String label, String description, Mode mode, boolean jdk25, boolean aot) {
    this.label = label;
    this.description = description;
    this.mode = mode;
    this.jdk25 = jdk25;
    this.aot = aot;
  }

  boolean isBaseline() {
    return this == BASELINE || this == BASELINE_AGAIN || this == BASELINE_JDK25 || this == BASELINE_JDK25_AOT;
  }

  boolean exportsSpans() {
    return !isBaseline();
  }

  /** Under the agent: every variant of server-automatic but the baselines. */
  boolean hasAgent() {
    return mode == Mode.AUTOMATIC && !isBaseline();
  }

  /** One of the three modes as the make targets run them: what the decomposition and the profiles take apart. */
  boolean isMode() {
    return this == MANUAL || this == PROGRAMMATIC || this == AUTOMATIC;
  }

  /**
   * A start-up recipe, or its reference on JDK 25: measured on the last route only, the representative one unless
   * {@code --routes} says otherwise, where its steady state is the one a reader weighs against its start-up.
   */
  boolean isRecipe() {
    return this == AUTOMATIC_LEAN || this == AUTOMATIC_LEAN_C1 || jdk25;
  }

  /** The server without telemetry on the same JDK: what this variant's ratios are to. */
  Variant baseline() {
    return jdk25 ? BASELINE_JDK25 : BASELINE;
  }

  /** What this recipe is the alternative to, the same server otherwise; null for the baselines and the modes. */
  Variant alternativeTo() {
    return switch (this) {
      case AUTOMATIC_LEAN -> AUTOMATIC;
      case AUTOMATIC_LEAN_C1 -> AUTOMATIC_LEAN;
      case BASELINE_JDK25_AOT -> BASELINE_JDK25;
      case AUTOMATIC_JDK25_AOT -> AUTOMATIC_JDK25;
      default -> null;
    };
  }

  /** The JVM options of the recipe, as a reader would write them (the agent's own flags and paths aside). */
  List<String> recipe() {
    return switch (this) {
      case AUTOMATIC_LEAN -> Recipes.ONLY_WHAT_THE_APP_USES;
      case AUTOMATIC_LEAN_C1 -> concat(Recipes.ONLY_WHAT_THE_APP_USES, List.of(Recipes.C1_ONLY));
      case BASELINE_JDK25_AOT -> List.of("-XX:AOTMode=on", "-XX:AOTCache=app.aot");
      case AUTOMATIC_JDK25 -> List.of(Launcher.ADD_INSTRUMENT, "-Xbootclasspath/a:opentelemetry-javaagent.jar");
      case AUTOMATIC_JDK25_AOT -> List.of(Launcher.ADD_INSTRUMENT, "-Xbootclasspath/a:opentelemetry-javaagent.jar",
          "-XX:AOTMode=on", "-XX:AOTCache=app.aot");
      default -> List.of();
    };
  }

  @JsonValue
  String label() {
    return label;
  }

  @JsonCreator
  static Variant of(String label) {
    return Labels.find(values(), Variant::label, label, "variant");
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
  }
}
