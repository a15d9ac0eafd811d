package io.opentelemetry.example.autoinstrumentation.tooling.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the real client jar, as {@code make client} does. */
public final class ClientProcess {

  public static ProcessOutput run(Map<String, String> environment, String... args) {
    Path root = ProjectLayout.root();
    List<String> command = new ArrayList<>(List.of(JavaProcess.javaExecutable()));
    command.addAll(JavaProcess.QUICK_START);
    command.addAll(List.of("-jar", ProjectLayout.requireJar(ProjectLayout.clientJar(root)).toString()));
    command.addAll(List.of(args));
    return JavaProcess.start(command, root, environment).await(Duration.ofSeconds(60));
  }

  private ClientProcess() {}
}
