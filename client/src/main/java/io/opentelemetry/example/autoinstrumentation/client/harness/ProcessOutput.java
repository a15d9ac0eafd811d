package io.opentelemetry.example.autoinstrumentation.client.harness;

import java.util.List;

/** What a child process wrote, each stream on its own, and how it ended (-1: it had to be killed). */
public record ProcessOutput(int exitCode, List<String> stdout, List<String> stderr) {

  /** The spans the process exported on the console. */
  public List<ExportedSpan> spans() {
    return ExportedSpans.parse(stderr);
  }
}
