package io.opentelemetry.example.autoinstrumentation.common;

/** Environment variables as the programs here read them: set but empty counts as unset, as shells often leave it. */
public final class Environment {

  public static String getOrDefault(String name, String defaultValue) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? defaultValue : value;
  }

  private Environment() {}
}
