package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The bench's enums are written by label, on its command line and in its data. */
final class Labels {

  /**
   * The constant of {@code values} labelled {@code wanted}; otherwise an IllegalArgumentException whose message, one
   * line, names {@code what} was asked for and every label known.
   */
  static <E extends Enum<E>> E find(E[] values, Function<E, String> label, String wanted, String what) {
    for (E value : values) {
      if (label.apply(value).equals(wanted)) {
        return value;
      }
    }
    throw new IllegalArgumentException("unknown " + what + " '" + wanted + "'; known: "
        + Arrays.stream(values).map(label).collect(Collectors.joining(", ")));
  }

  private Labels() {}
}
