package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a run of make compare wrote, as the tests of its HTML report read it. */
final class CompareReport {

  /** Per section of compare.json, in its order, the fields of its rows. */
  static Map<String, List<String>> fieldsBySection(Path reports) throws IOException {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    new ObjectMapper().readTree(Files.readString(reports.resolve("compare.json"))).get("rows").forEach(row ->
        fields.computeIfAbsent(row.get("section").asText(), section -> new ArrayList<>()).add(row.get("field").asText()));
    return fields;
  }

  /**
   * The sections above which a scenario's traces are drawn: a scenario's first (a trace of many spans has a section per
   * span, SCENARIO/SPAN), not a metric's or the logs'.
   */
  static List<String> firstSectionOfEachScenario(Set<String> sections) {
    Set<String> scenarios = new HashSet<>();
    return sections.stream()
        .filter(section -> section.matches("[A-Z_]+(/[A-Z_]+)?") && scenarios.add(section.split("/")[0]))
        .toList();
  }

  private CompareReport() {}
}
