package io.opentelemetry.example.autoinstrumentation.common;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The logging-otlp exporter writes through java.util.logging. Its default format takes two lines per record; the agent
 * routes the same exporter through its own logger in one line. This gives the SDK modes the agent's one-line shape, a
 * failure's causes in the same line instead of a stack trace (a collector that does not answer is a condition, not a
 * bug), and keeps the log open during shutdown so the final flush of spans is not lost.
 */
final class OneLineLogging {

  private static final String FORMAT = "[otel.sdk %1$tF %1$tT:%1$tL %1$tz] %4$s %3$s - %5$s%6$s%n";

  /**
   * Autoconfigure notes at INFO that it is closing what it built when the configuration is bad; the one-line error
   * says it better. Held here, because java.util.logging keeps loggers only weakly.
   */
  private static Logger autoconfigure; // not initialized with the class: that would start java.util.logging too early

  static void install() {
    // Read once, when java.util.logging starts, so it must be set before anything logs.
    System.getProperties().putIfAbsent("java.util.logging.manager", ShutdownSafeLogManager.class.getName());
    // Open the console handler now: once shutdown has begun, the JDK no longer opens it for a first record.
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      handler.setFormatter(new OneLineFormatter());
    }
    autoconfigure = Logger.getLogger("io.opentelemetry.sdk.autoconfigure");
    autoconfigure.setLevel(Level.WARNING);
  }

  /** {@link #FORMAT}, with the root cause of a throwable, its class and message, in place of its stack trace. */
  static final class OneLineFormatter extends Formatter {
    @Override
    public String format(LogRecord record) {
      String cause = "";
      if (record.getThrown() != null) {
        Throwable root = record.getThrown();
        while (root.getCause() != null && root.getCause() != root) {
          root = root.getCause();
        }
        cause = " (" + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
      }
      return String.format(FORMAT, ZonedDateTime.ofInstant(record.getInstant(), ZoneId.systemDefault()), null,
          record.getLoggerName(), record.getLevel().getName(), formatMessage(record), cause);
    }
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
