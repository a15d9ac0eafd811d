package io.opentelemetry.example.autoinstrumentation.tooling.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Spring Boot service, server-spring, run three ways, with the command line that runs each (the Makefile's, too).
 * Not modes of the Spark server: the tools that loop over {@link Mode} leave them out, and {@code make compare} lines
 * them up on their own, the agent's spans the reference.
 */
public enum SpringVariant implements Server {
  /** server-spring under the javaagent, with the same flags as the automatic mode. */
  AGENT("agent", "server-spring"),
  /** server-spring with OpenTelemetry's Spring Boot starter: a dependency and otel.* settings. */
  STARTER("starter", "server-spring-starter"),
  /** server-spring with Spring Boot's own OpenTelemetry support: Micrometer Observation bridged to the SDK. */
  MICROMETER("micrometer", "server-spring-micrometer");

  private final String label;
  private final String module;

  SpringVariant(String label, String module) {
    this.label = label;
    this.module = module;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public String module() {
    return module;
  }

  @Override
  public List<String> command(Path root, List<String> jvmOptions) {
    List<String> command = new ArrayList<>();
    command.add(JavaProcess.javaExecutable());
    command.addAll(jvmOptions);
    if (this == AGENT) {
      command.addAll(Mode.agentOptions(root));
    }
    command.add("-jar");
    command.add(jar(root).toString());
    return command;
  }

  /** The service without telemetry: server-spring's jar, no agent; what each variant's start-up is measured against. */
  public static List<String> withoutTelemetry(Path root, List<String> jvmOptions) {
    List<String> command = new ArrayList<>();
    command.add(JavaProcess.javaExecutable());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(AGENT.jar(root).toString());
    return command;
  }
}
