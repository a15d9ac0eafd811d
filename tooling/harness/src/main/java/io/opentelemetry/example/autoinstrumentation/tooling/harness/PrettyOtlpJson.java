package io.opentelemetry.example.autoinstrumentation.tooling.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpans;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ReadableJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What {@code make run-* PRETTY=1} pipes a server's output through: each line of OTLP JSON that the logging-otlp
 * exporter writes (one export, behind a log prefix) is printed indented, an attribute a line, as the walkthrough shows
 * spans; every other line passes through as it is. It reads until the server closes its output, so the spans exported
 * at shutdown come too.
 */
public final class PrettyOtlpJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      in.lines().forEach(line -> System.out.println(pretty(line)));
    } catch (IOException | UncheckedIOException e) {
      System.err.println("error: cannot read the server's output: " + e.getMessage());
      System.exit(1);
    }
  }

  /** The line's OTLP JSON indented on lines of its own, the prefix before it on the first; any other line unchanged. */
  static String pretty(String line) {
    int start = line.indexOf(ExportedSpans.OTLP_JSON_START);
    if (start < 0) {
      return line;
    }
    try {
      JsonNode json = JSON.readTree(line.substring(start));
      String prefix = line.substring(0, start).strip();
      String indented = ReadableJson.of(json);
      return prefix.isEmpty() ? indented : prefix + System.lineSeparator() + indented;
    } catch (JsonProcessingException e) {
      return line; // not JSON after all: shown as it came
    }
  }

  private PrettyOtlpJson() {}
}
