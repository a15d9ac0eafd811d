package io.opentelemetry.example.autoinstrumentation.common;

/** Bad input ends a program with one line on stderr and a non-zero exit code, never a stack trace. */
public final class Exit {

  /** The exit code for bad configuration or input. */
  public static final int USAGE = 2;

  /** Prints {@code message} on stderr and exits with {@link #USAGE}; declared to return so callers can use it as a value. */
  public static <T> T withError(String message) {
    System.err.println("error: " + message);
    System.exit(USAGE);
    throw new AssertionError("unreachable");
  }

  private Exit() {}
}
