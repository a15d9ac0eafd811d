package io.opentelemetry.example.autoinstrumentation.tooling.harness;

/**
 * One log record as a process exported it over OTLP: its instrumentation scope (for a log bridge, the logger's name),
 * its severity and body as text, and the trace and span ids of the span it was recorded in (hex, "" when none).
 */
public record ExportedLog(String scope, String severity, String body, String traceId, String spanId) {}
