package io.opentelemetry.example.autoinstrumentation.tooling.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM whose stdout and stderr are read apart, line by line: a span line can be written in several chunks, and
 * on one shared stream the application's prints from other threads could land inside it. Every child is stopped when
 * this JVM exits, also when it is interrupted.
 */
public final class JavaProcess implements AutoCloseable {

  /**
   * JVM options for a child that answers a handful of requests and stops (a test's server, the client, the
   * comparison's): the JIT's first tier and the serial collector start it, the agent most of all, in about half the
   * time. What it emits does not change. Nothing measured runs with them: make bench starts its own JVMs.
   */
  public static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
  }

  private final Process process;
  private final List<String> stdout = new ArrayList<>();
  private final List<String> stderr = new ArrayList<>();
  private final Thread stdoutReader;
  private final Thread stderrReader;
  private volatile boolean killed;
  private volatile boolean discarding;

  private JavaProcess(Process process) {
    this.process = process;
    this.stdoutReader = pump(process.getInputStream(), stdout);
    this.stderrReader = pump(process.getErrorStream(), stderr);
  }

  /** Starts {@code command} in {@code directory} with this JVM's environment plus {@code environment}. */
  public static JavaProcess start(List<String> command, Path directory, Map<String, String> environment) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      RUNNING.add(process);
      return new JavaProcess(process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0), e);
    }
  }

  public static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the process to end by itself, at most {@code timeout}, then ends it. */
  public ProcessOutput await(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        killed = true;
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      killed = true;
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    return output();
  }

  /** SIGTERM, as Ctrl+C or a container stop would send, so shutdown hooks flush; forcibly after {@code grace}. */
  public ProcessOutput stop(Duration grace) {
    // Not Process.destroy(): it also closes our end of the pipes, and what the child prints while it shuts down is lost.
    process.toHandle().destroy();
    return await(grace);
  }

  /**
   * From now on, what the process writes is read and dropped, not kept: a server under load writes millions of lines,
   * such as a span per request on the console.
   */
  public void discardOutput() {
    discarding = true;
  }

  /** The lines written so far, without waiting. */
  public List<String> stderrSoFar() {
    synchronized (stderr) {
      return List.copyOf(stderr);
    }
  }

  public List<String> stdoutSoFar() {
    synchronized (stdout) {
      return List.copyOf(stdout);
    }
  }

  private ProcessOutput output() {
    RUNNING.remove(process);
    try {
      stdoutReader.join(5_000);
      stderrReader.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new ProcessOutput(process.isAlive() ? -1 : process.exitValue(), killed, stdoutSoFar(), stderrSoFar());
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop(Duration.ofSeconds(10));
    }
    RUNNING.remove(process);
  }

  private Thread pump(InputStream stream, List<String> lines) {
    Thread thread = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line; (line = reader.readLine()) != null; ) {
          if (discarding) {
            stream.transferTo(OutputStream.nullOutputStream()); // bytes, not decoded: the cheapest way to keep up
            return;
          }
          synchronized (lines) {
            lines.add(line);
          }
        }
      } catch (IOException e) {
        // the process ended; what was read is kept
      }
    });
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
