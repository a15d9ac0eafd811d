package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** CPU time and peak memory of another process; -1 where the platform does not tell. */
final class ProcessStats {

  /** User plus system CPU time, in nanoseconds, as the JDK reads it for any process it may see. */
  static long cpuNanos(long pid) {
    return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration()).map(Duration::toNanos)
        .orElse(-1L);
  }

  /** The peak resident set size (Linux's VmHWM), in bytes: no JDK API reports another process's. */
  static long peakRssBytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or the process is gone
    }
    return -1;
  }

  private ProcessStats() {}
}
