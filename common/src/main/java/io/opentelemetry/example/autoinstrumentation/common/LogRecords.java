package io.opentelemetry.example.autoinstrumentation.common;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender;
import org.slf4j.LoggerFactory;

/**
 * Every Logback event as an OpenTelemetry log record, with the current span's context, as the agent's Logback
 * instrumentation makes them under server-automatic: upstream's {@link OpenTelemetryAppender}
 * (opentelemetry-logback-appender-1.0) on the root logger. They leave the process only when {@code OTEL_LOGS_EXPORTER}
 * names an exporter, in every mode; by default it is {@code none}.
 */
final class LogRecords {

  static void install(OpenTelemetry openTelemetry) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // SLF4J logs elsewhere
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    if (root.getAppender("OPENTELEMETRY_LOGS") == null) {
      OpenTelemetryAppender records = new OpenTelemetryAppender();
      records.setContext(context);
      records.setName("OPENTELEMETRY_LOGS");
      records.start();
      root.addAppender(records);
    }
    OpenTelemetryAppender.install(openTelemetry);
  }

  private LogRecords() {}
}
