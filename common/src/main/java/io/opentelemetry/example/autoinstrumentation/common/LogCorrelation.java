package io.opentelemetry.example.autoinstrumentation.common;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import io.opentelemetry.instrumentation.logback.mdc.v1_0.OpenTelemetryAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Puts the current span's {@code trace_id}, {@code span_id} and {@code trace_flags} into the MDC of every Logback event,
 * as the agent's Logback instrumentation does under server-automatic: upstream's {@link OpenTelemetryAppender}
 * (opentelemetry-logback-mdc-1.0) goes in front of the appenders that logback.xml gives the root logger. Upstream's
 * README names it in logback.xml instead; here every mode reads one logback.xml, which server-automatic, with no
 * OpenTelemetry dependency, could not load if it named the appender.
 */
final class LogCorrelation {

  static void install() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // SLF4J logs elsewhere
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
    root.iteratorForAppenders().forEachRemaining(appenders::add);
    if (appenders.stream().anyMatch(OpenTelemetryAppender.class::isInstance)) {
      return; // installed already
    }
    OpenTelemetryAppender correlating = new OpenTelemetryAppender();
    correlating.setContext(context);
    correlating.setName("OPENTELEMETRY");
    for (Appender<ILoggingEvent> appender : appenders) {
      root.detachAppender(appender);
      correlating.addAppender(appender);
    }
    correlating.start();
    root.addAppender(correlating);
  }

  private LogCorrelation() {}
}
