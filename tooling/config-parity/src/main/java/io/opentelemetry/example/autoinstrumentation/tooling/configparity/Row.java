package io.opentelemetry.example.autoinstrumentation.tooling.configparity;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import java.util.Map;
import java.util.function.Function;

/**
 * One line of the table: a setting, the request that shows it, and the effect observed in each mode. Every mode must
 * show {@code expected}, except the modes in {@code differs}, which must show their own value there, for {@code reason}.
 */
record Row(Group group, String setting, String python, String request, Function<ModeRun, String> observe,
    String expected, Map<Mode, String> differs, String reason) {

  Row(Group group, String setting, String python, String request, Function<ModeRun, String> observe, String expected) {
    this(group, setting, python, request, observe, expected, Map.of(), null);
  }

  String expected(Mode mode) {
    return differs.getOrDefault(mode, expected);
  }

  /** What this row shows for a mode's run: its observation, or the mode's refusal of the group's configuration. */
  String observe(ModeRun run) {
    if (run.refusal() != null) {
      return "refused: `" + run.refusal() + "`";
    }
    if (run.failure() != null) {
      return run.failure().startsWith("could not") ? run.failure() : "could not run: " + run.failure();
    }
    try {
      return observe.apply(run);
    } catch (RuntimeException e) {
      return "could not observe: " + e;
    }
  }
}
