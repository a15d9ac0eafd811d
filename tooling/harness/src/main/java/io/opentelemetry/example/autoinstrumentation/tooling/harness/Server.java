package io.opentelemetry.example.autoinstrumentation.tooling.harness;

import java.nio.file.Path;
import java.util.List;

/**
 * A server the tools start and compare: the Spark server in one of its {@link Mode}s, or the Spring Boot service in one
 * of its {@link SpringVariant}s. Each comparison lines up servers of one kind only.
 */
public interface Server {

  /** How reports and tables name it: {@code automatic}, {@code starter}. */
  String label();

  /** The Maven module, which is also the jar's name and so, unless OTEL_SERVICE_NAME says otherwise, the service name. */
  String module();

  default Path jar(Path root) {
    return root.resolve(module()).resolve("target").resolve(module() + ".jar");
  }

  /** {@code java [agent flags] -jar <module>/target/<module>.jar}, with {@code jvmOptions} first. */
  List<String> command(Path root, List<String> jvmOptions);
}
