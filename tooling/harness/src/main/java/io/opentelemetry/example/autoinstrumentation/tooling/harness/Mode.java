package io.opentelemetry.example.autoinstrumentation.tooling.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The three ways to instrument the server, and the command line that runs each (the Makefile's, too). */
public enum Mode implements Server {
  MANUAL("server-manual"),
  AUTOMATIC("server-automatic"),
  PROGRAMMATIC("server-programmatic");

  private final String module;

  Mode(String module) {
    this.module = module;
  }

  @Override
  public String module() {
    return module;
  }

  @Override
  public String label() {
    return name().toLowerCase();
  }

  /** The server's main class: {@code ...server.manual.ServerManual}. */
  public String mainClass() {
    return "io.opentelemetry.example.autoinstrumentation.server." + label() + ".Server"
        + Character.toUpperCase(label().charAt(0)) + label().substring(1);
  }

  /** {@code java [agent flags] -jar server-X/target/server-X.jar}: the agent is what makes the automatic mode. */
  @Override
  public List<String> command(Path root, List<String> jvmOptions) {
    List<String> command = java(root, jvmOptions);
    command.add("-jar");
    command.add(jar(root).toString());
    return command;
  }

  /**
   * The same, running the module's {@code FailingRoutesServer} instead: this mode's instrumentation in front of routes
   * that fail as real ones do.
   */
  public List<String> failingRoutesCommand(Path root, List<String> jvmOptions) {
    List<String> command = java(root, jvmOptions);
    command.add("-cp");
    command.add(jar(root).toString());
    command.add("io.opentelemetry.example.autoinstrumentation.server." + label() + ".FailingRoutesServer");
    return command;
  }

  private List<String> java(Path root, List<String> jvmOptions) {
    List<String> command = new ArrayList<>();
    command.add(JavaProcess.javaExecutable());
    command.addAll(jvmOptions);
    if (this == AUTOMATIC) {
      command.addAll(agentOptions(root));
    }
    return command;
  }

  /** The flags that put a JVM under the agent, with the shared defaults; the agent names the service after the jar. */
  public static List<String> agentOptions(Path root) {
    return List.of(
        "-javaagent:" + agentJar(root),
        "-Dotel.javaagent.configuration-file=" + root.resolve(ProjectLayout.OTEL_DEFAULTS));
  }

  /** The agent's jar, which server-automatic's build copies. */
  public static Path agentJar(Path root) {
    return root.resolve(AUTOMATIC.module).resolve("target/opentelemetry-javaagent.jar");
  }
}
