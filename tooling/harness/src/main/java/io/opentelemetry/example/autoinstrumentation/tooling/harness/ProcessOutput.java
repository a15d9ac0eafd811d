package io.opentelemetry.example.autoinstrumentation.tooling.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * What a child process wrote, each stream on its own, and how it ended: its exit code, and whether it had to be killed
 * because it did not end in time (its exit code is then the kill's, 137).
 */
public record ProcessOutput(int exitCode, boolean killed, List<String> stdout, List<String> stderr) {

  /**
   * The spans the process exported on the console: on stderr through a logger (logging-otlp), or on stdout
   * (experimental-otlp/stdout, or otlp_file/development in a declarative configuration file).
   */
  public List<ExportedSpan> spans() {
    List<ExportedSpan> spans = new ArrayList<>(ExportedSpans.parse(stderr));
    spans.addAll(ExportedSpans.parse(stdout));
    return spans;
  }
}
