package io.opentelemetry.example.autoinstrumentation.tooling.harness;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the built jars are: found from the working directory, which is the repository or one of its modules. */
public final class ProjectLayout {

  /** The defaults every mode shares; the SDK modes read them from the classpath, the agent from this file. */
  static final String OTEL_DEFAULTS = "common/src/main/resources/otel-defaults.properties";

  public static Path root() {
    String configured = System.getProperty("example.root");
    Path start = Path.of(configured != null ? configured : "").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(OTEL_DEFAULTS)) && Files.exists(dir.resolve("server-automatic"))) {
        return dir;
      }
    }
    throw new IllegalStateException("cannot find the repository root above " + start + "; run from the repository");
  }

  /** The jar of a runnable module, or a one-line explanation of how to build it. */
  public static Path requireJar(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build it first with ./mvnw -q package -DskipTests");
    }
    return jar;
  }

  public static Path clientJar(Path root) {
    return root.resolve("client/target/client.jar");
  }

  private ProjectLayout() {}
}
