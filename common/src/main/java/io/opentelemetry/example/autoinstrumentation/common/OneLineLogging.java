package io.opentelemetry.example.autoinstrumentation.common;

import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * The logging-otlp exporter writes through java.util.logging. Its default format takes two lines per record; the agent
 * routes the same exporter through its own logger in one line. This gives the SDK modes the agent's one-line shape, and
 * keeps the log open during shutdown so the final flush of spans is not lost.
 */
final class OneLineLogging {

  private static final String FORMAT = "[otel.sdk %1$tF %1$tT:%1$tL %1$tz] %4$s %3$s - %5$s%6$s%n";

  /**
   * Autoconfigure notes at INFO that it is closing what it built when the configuration is bad; the one-line error
   * says it better. Held here, because java.util.logging keeps loggers only weakly.
   */
  private static Logger autoconfigure; // not initialized with the class: that would start java.util.logging too early

  static void install() {
    // Both properties are read once, when java.util.logging starts, so they must be set before anything logs.
    System.getProperties().putIfAbsent("java.util.logging.SimpleFormatter.format", FORMAT);
    System.getProperties().putIfAbsent("java.util.logging.manager", ShutdownSafeLogManager.class.getName());
    // Open the console handler now: once shutdown has begun, the JDK no longer opens it for a first record.
    Logger.getLogger("").getHandlers();
    autoconfigure = Logger.getLogger("io.opentelemetry.sdk.autoconfigure");
    autoconfigure.setLevel(Level.WARNING);
  }

  /**
   * The JDK's LogManager closes every handler in a shutdown hook of its own, racing the SDK's hook that exports the last
   * spans. This one leaves the handlers open; the console handler flushes every record anyway.
   */
  public static final class ShutdownSafeLogManager extends LogManager {
    @Override
    public void reset() {}
  }

  private OneLineLogging() {}
}
