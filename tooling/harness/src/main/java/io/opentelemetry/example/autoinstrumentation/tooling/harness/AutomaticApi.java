package io.opentelemetry.example.autoinstrumentation.tooling.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * server-automatic-api, the automatic server plus the OpenTelemetry API. Not a mode of its own: it is the automatic
 * mode's process with another jar, under the agent as {@code make run-automatic-api} runs it, or without the agent.
 */
public final class AutomaticApi {

  public static final String MODULE = "server-automatic-api";

  public static Path jar(Path root) {
    return root.resolve(MODULE).resolve("target").resolve(MODULE + ".jar");
  }

  /** {@code java [agent flags] -jar server-automatic-api/target/server-automatic-api.jar}. */
  public static List<String> command(Path root, boolean underAgent) {
    List<String> command = new ArrayList<>();
    command.add(JavaProcess.javaExecutable());
    if (underAgent) {
      command.addAll(Mode.agentOptions(root));
    }
    command.add("-jar");
    command.add(jar(root).toString());
    return command;
  }

  public static ServerProcess start(boolean underAgent, Map<String, String> environment, Duration startTimeout) {
    Path root = ProjectLayout.root();
    ProjectLayout.requireJar(jar(root));
    return ServerProcess.start(Mode.AUTOMATIC, command(root, underAgent), environment, startTimeout);
  }

  private AutomaticApi() {}
}
