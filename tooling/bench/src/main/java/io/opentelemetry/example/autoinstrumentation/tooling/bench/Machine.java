package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a run measured, and the JDK, each in one line, for the report. */
final class Machine {

  static String describe() {
    String cpu = firstValue("/proc/cpuinfo", "model name");
    String memory = firstValue("/proc/meminfo", "MemTotal");
    long gib = memory.isEmpty() ? 0 : Math.round(Long.parseLong(memory.replaceAll("\\D", "")) / 1024.0 / 1024.0);
    return String.format("%s, %d cores, %d GiB, %s %s",
        cpu.isEmpty() ? System.getProperty("os.arch") : cpu,
        Runtime.getRuntime().availableProcessors(), gib,
        System.getProperty("os.name"), System.getProperty("os.version"));
  }

  /** The bench's JDK, which the servers run on but for the JDK 25 variants. */
  static String jdk() {
    return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
  }

  private static String firstValue(String file, String key) {
    try {
      for (String line : Files.readAllLines(Path.of(file))) {
        if (line.startsWith(key)) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // not Linux: the report says less
    }
    return "";
  }

  private Machine() {}
}
