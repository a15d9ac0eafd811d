package io.opentelemetry.example.autoinstrumentation.tooling.harness;

import io.opentelemetry.example.autoinstrumentation.common.ServerAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One server as its own process on a loopback port that the system chooses ({@code PORT=0}): the server
 * prints the address it bound once it listens, which is both the port and the sign that it is ready. No port is
 * picked here and released for the child to take, so no other process can take it in between.
 */
public final class ServerProcess implements AutoCloseable {

  public static final String HOST = "127.0.0.1";
  static final Duration STOP_GRACE = Duration.ofSeconds(15);
  /**
   * The line in which a server says where it listens; group 1 is its port. The Spark servers print it as Flask does;
   * the Spring Boot service leaves it to Spring Boot, whose embedded Tomcat logs it once it accepts connections.
   */
  public static final Pattern LISTENING = Pattern.compile(
      "(?:" + Pattern.quote(ServerAddress.LISTENING) + "http://.*:|.* - Tomcat started on port )(\\d+)(?:/| .*)");

  private final Server server;
  private final JavaProcess process;
  private final List<ExportedSpan> spansSoFar = new ArrayList<>();
  private int port;
  private int stderrRead;
  private int stdoutRead;

  private ServerProcess(Server server, JavaProcess process) {
    this.server = server;
    this.process = process;
  }

  /** Starts {@code server} with {@code environment} added to this JVM's, and waits until it listens. */
  public static ServerProcess start(Server server, Map<String, String> environment, Duration startTimeout) {
    return start(server, environment, JavaProcess.QUICK_START, startTimeout);
  }

  public static ServerProcess start(
      Server server, Map<String, String> environment, List<String> jvmOptions, Duration startTimeout) {
    return start(server, server.command(ProjectLayout.root(), jvmOptions), environment, startTimeout);
  }

  /**
   * Starts {@code server} with a command line of the caller's, such as the jar without its agent. It listens on
   * {@link #HOST} unless {@code environment} sets BIND_ADDRESS (empty: the server's own default).
   */
  public static ServerProcess start(
      Server server, List<String> command, Map<String, String> environment, Duration startTimeout) {
    Path root = ProjectLayout.root();
    ProjectLayout.requireJar(server.jar(root));
    Map<String, String> env = new HashMap<>(environment);
    env.put("PORT", "0");
    env.putIfAbsent("BIND_ADDRESS", HOST);
    ServerProcess process = new ServerProcess(server, JavaProcess.start(command, root, env));
    process.awaitReady(startTimeout);
    return process;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public URI uri(String pathAndQuery) {
    return URI.create("http://" + HOST + ":" + port + pathAndQuery);
  }

  /** See {@link JavaProcess#discardOutput()}. */
  public void discardOutput() {
    process.discardOutput();
  }

  /** Output so far, while the server runs. */
  public List<String> stderrSoFar() {
    return process.stderrSoFar();
  }

  /**
   * Waits until the server has exported at least {@code count} spans. Stopping at once would rely on the shutdown
   * flush, and the agent ends the span of its very first request only after the response is on the wire.
   */
  public List<ExportedSpan> awaitSpans(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<String> stderr = process.stderrSoFar();
      List<String> stdout = process.stdoutSoFar();
      // only the lines not read before: a loaded server has written thousands
      spansSoFar.addAll(ExportedSpans.parse(stderr.subList(stderrRead, stderr.size())));
      spansSoFar.addAll(ExportedSpans.parse(stdout.subList(stdoutRead, stdout.size())));
      stderrRead = stderr.size();
      stdoutRead = stdout.size();
      if (spansSoFar.size() >= count || System.nanoTime() > deadline) {
        return List.copyOf(spansSoFar);
      }
      sleep(100);
    }
  }

  /** SIGTERM, then everything the server wrote, its final span export included. */
  public ProcessOutput stop() {
    return process.stop(STOP_GRACE);
  }

  @Override
  public void close() {
    process.close();
  }

  /** Waits for the line in which the server says where it listens. */
  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : process.stdoutSoFar()) {
        Matcher listening = LISTENING.matcher(line);
        if (listening.matches()) {
          port = Integer.parseInt(listening.group(1));
          return;
        }
      }
      if (!process.isAlive()) {
        ProcessOutput output = process.await(Duration.ofSeconds(5));
        throw new ServerStartException(server.label() + " exited with code " + output.exitCode() + " before listening: "
            + lastLine(output.stderr()));
      }
      sleep(20);
    }
    process.close();
    throw new ServerStartException(server.label() + " did not say where it listens within " + timeout.toSeconds() + " s");
  }

  private static String lastLine(List<String> lines) {
    return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerStartException("interrupted while waiting for the server");
    }
  }

  /** A server that could not be run: the reason is in the message. */
  public static final class ServerStartException extends RuntimeException {
    public ServerStartException(String message) {
      super(message);
    }
  }
}
