package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Server;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.SpringVariant;
import java.nio.file.Path;
import java.util.List;

/**
 * The Spring Boot service without telemetry and the three ways it is traced, each run as its make target runs it
 * (spans on the console, which the bench reads and drops). Only their start-up is measured: what a request costs is
 * measured on the Spark server.
 */
enum Spring implements Server {
  BASELINE("spring-baseline", "server-spring without the agent: no telemetry at all", null),
  AGENT("spring-agent", "under the agent, as make run-spring-agent runs it", SpringVariant.AGENT),
  STARTER("spring-starter", "OpenTelemetry's Spring Boot starter, as make run-spring-starter runs it",
      SpringVariant.STARTER),
  MICROMETER("spring-micrometer", "Spring Boot's own support, as make run-spring-micrometer runs it",
      SpringVariant.MICROMETER);

  final String label;
  final String description;
  /** The harness's command line for it; null for the service without telemetry. */
  private final SpringVariant variant;

  Spring(String label, String description, SpringVariant variant) {
    this.label = label;
    this.description = description;
    this.variant = variant;
  }

  @JsonValue
  @Override
  public String label() {
    return label;
  }

  @Override
  public String module() {
    return (variant == null ? SpringVariant.AGENT : variant).module();
  }

  @Override
  public List<String> command(Path root, List<String> jvmOptions) {
    return variant == null ? SpringVariant.withoutTelemetry(root, jvmOptions) : variant.command(root, jvmOptions);
  }

  @JsonCreator
  static Spring of(String label) {
    return Labels.find(values(), Spring::label, label, "Spring Boot variant");
  }
}
