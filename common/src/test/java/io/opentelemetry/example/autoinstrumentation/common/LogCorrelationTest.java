package io.opentelemetry.example.autoinstrumentation.common;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.AppenderAttachable;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream's Logback MDC library, set in front of the appender of the logback.xml every mode reads: a line logged inside
 * a span carries its ids, one outside none.
 */
class LogCorrelationTest {

  @RegisterExtension
  static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private final Logger logger = LoggerFactory.getLogger(LogCorrelationTest.class);

  @BeforeEach
  void installInFrontOfLogbackXmlsAppenderAndOneThatKeepsEvents() throws Exception {
    context.reset(); // what logback.xml configured, anew, with nothing installed yet
    new ch.qos.logback.classic.util.ContextInitializer(context).autoConfig();
    events.setContext(context);
    events.start();
    root.addAppender(events);
    LogCorrelation.install();
  }

  @AfterEach
  void restoreLogbackXml() throws Exception {
    context.reset();
    new ch.qos.logback.classic.util.ContextInitializer(context).autoConfig();
  }

  @Test
  void aLineLoggedInsideASpanCarriesItsTraceAndSpanIds() {
    Span span = otel.getOpenTelemetry().getTracer("test").spanBuilder("GET /server_request").startSpan();
    try (Scope ignored = span.makeCurrent()) {
      logger.info("served param={}", "testing");
    } finally {
      span.end();
    }

    assertThat(line(events.list.get(0))).endsWith(" trace_id=" + span.getSpanContext().getTraceId()
        + " span_id=" + span.getSpanContext().getSpanId() + " trace_flags=" + span.getSpanContext().getTraceFlags().asHex()
        + " - served param=testing" + System.lineSeparator());
  }

  @Test
  void aLineLoggedOutsideASpanHasNoIds() {
    logger.info("started");

    assertThat(line(events.list.get(0))).isEqualTo("[main] INFO  i.o.e.a.common.LogCorrelationTest - started"
        + System.lineSeparator()).doesNotContain("trace_id");
  }

  @Test
  void installingTwiceWrapsOnce() {
    LogCorrelation.install();

    assertThat(root.iteratorForAppenders()).toIterable().singleElement().isInstanceOf(AppenderAttachable.class);
  }

  /** The event as logback.xml's console appender writes it, behind the correlating appender or not. */
  @SuppressWarnings("unchecked")
  private String line(ILoggingEvent event) {
    Appender<ILoggingEvent> console = root.getAppender("CONSOLE");
    if (console == null) {
      console = ((AppenderAttachable<ILoggingEvent>) root.iteratorForAppenders().next()).getAppender("CONSOLE");
    }
    return new String(((OutputStreamAppender<ILoggingEvent>) console).getEncoder().encode(event), StandardCharsets.UTF_8);
  }
}
