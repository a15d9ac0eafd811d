package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** CPU time and peak memory of a process, from Linux's /proc; -1 where there is none. */
final class ProcessStats {

  /** Clock ticks per second of /proc/PID/stat's times: 100 on Linux for x86 and ARM. */
  private static final long TICKS_PER_SECOND = 100;

  /** User plus system CPU time, in nanoseconds. */
  static long cpuNanos(long pid) {
    try {
      return cpuNanos(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * The CPU time of the JVM's JIT compiler threads ({@code C1 CompilerThread0}, ...), in nanoseconds: the bench warms
   * a server up until they are nearly idle, so that compiling does not count as the cost of a request.
   */
  static long jitNanos(long pid) {
    try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
      long total = 0;
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          if (name.contains("CompilerThre")) { // Linux keeps 15 characters of a thread's name
            total += cpuNanos(stat);
          }
        } catch (IOException e) {
          // the thread ended meanwhile
        }
      }
      return total;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The user plus system time in a line of /proc/.../stat. */
  private static long cpuNanos(String stat) {
    // the command name is in parentheses and may hold spaces: count fields after the last ')'
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    return ticks * 1_000_000_000L / TICKS_PER_SECOND;
  }

  /** The peak resident set size (VmHWM), in bytes. */
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
