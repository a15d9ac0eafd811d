package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import io.opentelemetry.example.autoinstrumentation.tooling.compare.KnownDifferences.Known;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Server;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.SpringVariant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What one comparison lines up: its servers, in the order the reports show them, the agent's among them as the
 * reference; the scenarios it sends them; the differences that are by design, and the page that explains them. The
 * Spark modes and the Spring Boot variants are two lineups: a row never sets a Spark server beside a Spring one.
 *
 * @param what how the reports name the servers together: "the three modes"
 * @param kind what one server is called: "mode", "variant"
 * @param httpClient what the real handler calls {@code /server_request} with, as the reports name it
 */
record Lineup(String what, String kind, List<Server> servers, Server reference, Set<Scenario> scenarios,
    List<Known> known, String explainedIn, String httpClient) {

  /** The Spark server's three modes through every scenario: {@code make compare}'s first table. */
  static final Lineup MODES = new Lineup("the three modes", "mode", List.of(Mode.values()), Mode.AUTOMATIC,
      EnumSet.allOf(Scenario.class), KnownDifferences.LIST, "docs/comparison.md", "OkHttp");

  /**
   * The Spring Boot service's three variants through the scenarios its server answers (it has no failing routes):
   * {@code make compare}'s second table.
   */
  static final Lineup SPRING = new Lineup("the Spring Boot variants", "variant", List.of(SpringVariant.values()),
      SpringVariant.AGENT, Scenario.ofApp(Scenario.App.SERVER), SpringKnownDifferences.LIST, "docs/spring-boot.md",
      "RestClient");

  /**
   * How many spans {@code server} makes for {@code scenario}: one per section of the scenario, but none for a section
   * where a known difference says it makes no span, as manual for a path no route matches.
   */
  int expectedSpans(Server server, Scenario scenario) {
    return (int) scenario.sections().stream()
        .filter(section -> !KnownDifferences.makesNoSpan(known, section, server)).count();
  }

  /** The labels of the servers, in order: the columns of the reports. */
  List<String> labels() {
    return servers.stream().map(Server::label).toList();
  }
}
