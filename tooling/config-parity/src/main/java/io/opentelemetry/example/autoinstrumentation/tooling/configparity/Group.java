package io.opentelemetry.example.autoinstrumentation.tooling.configparity;

import java.util.Map;

/**
 * A server environment that several rows share, so one process per mode serves them all, and what to send it. In the
 * environment, {@code {receiver}} stands for the run's OTLP receiver and {@code {grpc}} for its HTTP/2 listener.
 */
record Group(String name, Map<String, String> environment, Script script) {

  /** What a group does with each mode's server: requests, waits, its stop. */
  interface Script {
    void run(ModeRun run);
  }
}
