package io.opentelemetry.example.autoinstrumentation.server.spring.micrometer;

import io.opentelemetry.exporter.logging.otlp.OtlpJsonLoggingSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spans on the console as OTLP JSON, as every other mode prints them: Spring Boot exports over OTLP only, to the
 * endpoint that management.opentelemetry.tracing.export.otlp.endpoint names, and adds every SpanExporter bean beside it.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSpans {

  @Bean
  SpanExporter otlpJsonOnTheConsole() {
    return OtlpJsonLoggingSpanExporter.create();
  }
}
