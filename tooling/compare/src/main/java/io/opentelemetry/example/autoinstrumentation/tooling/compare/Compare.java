package io.opentelemetry.example.autoinstrumentation.tooling.compare;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ClientProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedMetric;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.JavaProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.OtlpReceiver;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Server;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess.ServerStartException;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code make compare}: runs every mode as its own process through the same scenarios and checks, row by row, that
 * what they emit is the same, or differs only as {@link KnownDifferences} says: the server span of each scenario, every
 * span of the real handler's trace, the request-duration metric and the runtime metrics ({@link MetricRows}), and the
 * ids in the route's log lines ({@link LogRows}). Then the same for the Spring Boot service's variants, a lineup of its
 * own ({@link Lineup#SPRING}, {@link SpringKnownDifferences}). Exit code 0 when they do, 1 when a row is DIFFERENT, 2
 * when a server could not be run.
 */
public final class Compare {

  static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(15);
  /**
   * Every program also exports its metrics, cumulative, over OTLP to a receiver of the comparison's: every second, so
   * that observed metrics such as the agent's runtime metrics arrive while the program runs, and at shutdown, which
   * exports everything recorded.
   */
  static final Map<String, String> METRICS_ENVIRONMENT = Map.of(
      "OTEL_METRICS_EXPORTER", "otlp",
      "OTEL_EXPORTER_OTLP_METRICS_PROTOCOL", "http/protobuf",
      "OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE", "cumulative",
      "OTEL_METRIC_EXPORT_INTERVAL", "1000");

  public static void main(String[] args) {
    if (args.length > 0) {
      System.err.println("error: compare takes no arguments, got '" + String.join(" ", args) + "'");
      System.exit(2);
    }
    try {
      Path reports = ProjectLayout.root().resolve("target/compare");
      int modes = run(reports);
      System.out.println();
      int spring = runSpring(reports.resolve(SPRING_REPORTS));
      System.exit(Math.max(modes, spring));
    } catch (IllegalStateException e) { // not in the repository, or not built
      System.err.println("error: " + e.getMessage());
      System.exit(2);
    }
  }

  /** Where, under make compare's reports, the Spring Boot variants' reports go. */
  public static final String SPRING_REPORTS = "spring";
  /** The docs' output region that shows the Spring Boot variants' table, compare.md of their run. */
  public static final String SPRING_TABLE = "spring-compare-table";

  /**
   * Runs the comparison of the three modes, prints the table, writes the reports into {@code reports}, and returns the
   * exit code.
   */
  public static int run(Path reports) {
    return run(Lineup.MODES, reports, Lineup.MODES.scenarios(), Map.of());
  }

  /** The same for the Spring Boot service's variants, the agent's spans the reference. */
  public static int runSpring(Path reports) {
    return run(Lineup.SPRING, reports, Lineup.SPRING.scenarios(), Map.of());
  }

  /**
   * The comparison of the three modes through the scenarios named (by their names in the reports, such as {@code
   * HEADERS}) alone, with {@code environment} added to every server's: what a test of one setting needs, at a fraction
   * of the whole run's cost.
   */
  public static int run(Path reports, Map<String, String> environment, List<String> scenarioNames) {
    Set<Scenario> scenarios = EnumSet.noneOf(Scenario.class);
    scenarioNames.forEach(name -> scenarios.add(Scenario.valueOf(name)));
    return run(Lineup.MODES, reports, scenarios, environment);
  }

  private static int run(Lineup lineup, Path reports, Set<Scenario> chosen, Map<String, String> environment) {
    Map<String, Map<Server, Map<String, String>>> spans = new LinkedHashMap<>();
    for (Scenario scenario : chosen) {
      scenario.sections().forEach(section -> spans.put(section, new LinkedHashMap<>()));
    }
    spans.put(MetricRows.REQUEST_DURATION, new LinkedHashMap<>());
    Map<Server, Map<String, String>> runtime = new LinkedHashMap<>();
    Map<Server, Map<String, String>> logs = new LinkedHashMap<>();
    Map<Server, Set<String>> resources = new LinkedHashMap<>();
    Map<Scenario, Map<Server, List<ExportedSpan>>> traces = new EnumMap<>(Scenario.class);
    for (Server server : lineup.servers()) {
      long started = System.nanoTime();
      try {
        ServerResult result = runServer(lineup, server, chosen, environment);
        result.spans().forEach((section, fields) -> spans.get(section).put(server, fields));
        if (result.requestDuration() != null) {
          spans.get(MetricRows.REQUEST_DURATION).put(server, result.requestDuration());
        }
        runtime.put(server, result.runtime());
        logs.put(server, result.logs());
        resources.put(server, result.resourceKeys());
        result.traces().forEach((scenario, trace) ->
            traces.computeIfAbsent(scenario, key -> new LinkedHashMap<>()).put(server, trace));
      } catch (ServerStartException | UncheckedIOException | IllegalStateException e) {
        System.err.println("error: cannot run " + server.label() + ": " + e.getMessage());
        return 2;
      }
      List<Map<Server, Map<String, String>>> spanSections = spans.entrySet().stream()
          .filter(section -> !section.getKey().equals(MetricRows.REQUEST_DURATION)).map(Map.Entry::getValue).toList();
      System.out.printf(Locale.ROOT, "%-13s made a span for %2d of the %d spans compared (a request, or a span of its trace),"
          + " in %.1f s%n",
          server.label(), spanSections.stream().filter(byServer -> byServer.containsKey(server)).count(),
          spanSections.size(), (System.nanoTime() - started) / 1e9);
    }
    if (runtime.values().stream().anyMatch(fields -> !fields.isEmpty())) {
      spans.put(MetricRows.RUNTIME, runtime);
    }
    if (logs.values().stream().anyMatch(fields -> !fields.isEmpty())) {
      spans.put(LogRows.SECTION, logs);
    }
    List<Row> rows = Comparison.rows(lineup, spans, resources);
    System.out.print(TerminalReport.render(lineup, rows));
    try {
      Report.write(lineup, rows, reports);
      HtmlReport.write(lineup, rows, traces, reports);
    } catch (IOException e) {
      System.err.println("error: cannot write the reports to " + reports + ": " + e.getMessage());
      return 2;
    }
    Path root = ProjectLayout.root();
    Path shown = reports.toAbsolutePath().startsWith(root) ? root.relativize(reports.toAbsolutePath()) : reports;
    System.out.println("\nReports in " + shown + "/: " + HtmlReport.FILE + " (open it in a browser), compare.md, compare.json");
    return Comparison.exitCode(rows);
  }

  /**
   * A server's spans, normalized, by section; its resource keys; per scenario, every span of its trace; the fields of
   * its request-duration metric (null if it exported none), of its runtime metrics, and of its log lines.
   */
  record ServerResult(Map<String, Map<String, String>> spans, Set<String> resourceKeys,
      Map<Scenario, List<ExportedSpan>> traces, Map<String, String> requestDuration, Map<String, String> runtime,
      Map<String, String> logs) {}

  static ServerResult runServer(Lineup lineup, Server server, Set<Scenario> chosen, Map<String, String> environment) {
    Map<String, Map<String, String>> spans = new LinkedHashMap<>();
    Set<String> resourceKeys = Set.of();
    Map<Scenario, List<ExportedSpan>> traces = new EnumMap<>(Scenario.class);
    List<Map<String, ExportedMetric>> metrics = new ArrayList<>();
    Map<String, String> runtime = Map.of();
    Map<String, String> logs = Map.of();
    for (Scenario.App app : Scenario.App.values()) {
      List<Scenario> scenarios = chosen.stream().filter(scenario -> scenario.app == app).toList();
      if (scenarios.isEmpty()) {
        continue;
      }
      AppRun run = runApp(lineup, server, app, scenarios, environment);
      List<ExportedSpan> output = run.output().spans();
      metrics.add(run.metrics());
      if (app == Scenario.App.SERVER) {
        runtime = MetricRows.runtime(run.metrics());
        logs = LogRows.fields(scenarios, run.output().stdout(), output);
      }
      Targets targets = Targets.withLogs(run.output().stdout());
      spans.putAll(serverSpans(output, scenarios, run::clientSpanId, run.port(), targets));
      for (ExportedSpan span : output) {
        Scenario scenario = singleSpanScenario(span, scenarios, targets);
        if (scenario != null) {
          traces.put(scenario, trace(span.traceId(), output, run.clientSpans().getOrDefault(scenario, List.of())));
          if (app == Scenario.App.SERVER) {
            resourceKeys = span.resource().keySet();
          }
        }
      }
      for (Scenario tree : scenarios.stream().filter(Scenario::isTree).toList()) {
        Normalizer.tree(lineup, targets, output, tree.param(), run.clientSpanId(tree), run.port())
            .forEach((span, fields) -> spans.put(span.section(), fields));
        output.stream().filter(span -> TreeSpan.HANDLER.matches(span, tree.param(), targets)).findFirst().ifPresent(handler ->
            traces.put(tree, trace(handler.traceId(), output, run.clientSpans().getOrDefault(tree, List.of()))));
      }
    }
    int requests = chosen.stream().mapToInt(Scenario::requests).sum();
    return new ServerResult(spans, resourceKeys, traces, MetricRows.requestDuration(metrics, requests), runtime, logs);
  }

  /**
   * The fields of the SERVER span of each of {@code scenarios} that makes one span, by scenario name, with how many
   * SERVER spans its request got, and which other spans the server made in its trace: a request answered under two
   * SERVER spans (an agent on a server with its own SDK), or with a span the agent does not make, must not compare as
   * same. {@code serverPort} is the port the program listened on; {@code targets} reads which request a span answered.
   */
  static Map<String, Map<String, String>> serverSpans(List<ExportedSpan> output, List<Scenario> scenarios,
      Function<Scenario, String> clientSpanId, int serverPort, Targets targets) {
    Map<String, Map<String, String>> spans = new LinkedHashMap<>();
    Map<Scenario, Integer> counts = new EnumMap<>(Scenario.class);
    for (ExportedSpan span : output) {
      Scenario scenario = singleSpanScenario(span, scenarios, targets);
      if (scenario != null) {
        Map<String, String> fields = Normalizer.fields(span, clientSpanId.apply(scenario), serverPort);
        fields.put(Normalizer.SERVER_SPANS, String.valueOf(counts.merge(scenario, 1, Integer::sum)));
        fields.put(Normalizer.OTHER_SPANS, Normalizer.otherSpans(output, span));
        spans.put(scenario.name(), fields);
      }
    }
    return spans;
  }

  /** The scenario among {@code scenarios} whose one SERVER span {@code span} is, or null. */
  private static Scenario singleSpanScenario(ExportedSpan span, List<Scenario> scenarios, Targets targets) {
    if (!span.kind().equals("SERVER")) {
      return null;
    }
    Scenario scenario = Scenario.of(String.valueOf(targets.path(span)), targets.query(span));
    return scenarios.contains(scenario) && !scenario.isTree() ? scenario : null;
  }

  /** Every span of {@code traceId} that the server or the client exported. */
  private static List<ExportedSpan> trace(String traceId, List<ExportedSpan> server, List<ExportedSpan> client) {
    return Stream.concat(client.stream(), server.stream()).filter(span -> span.traceId().equals(traceId)).toList();
  }

  /**
   * What one of a server's programs printed for {@code scenarios}, the last export of each metric it exported, the
   * client's spans for each scenario it called, and the port it listened on.
   */
  private record AppRun(ProcessOutput output, Map<String, ExportedMetric> metrics,
      Map<Scenario, List<ExportedSpan>> clientSpans, int port) {

    /** The client's CLIENT span id for {@code scenario}, the server span's expected parent, or null. */
    String clientSpanId(Scenario scenario) {
      return clientSpans.getOrDefault(scenario, List.of()).stream().filter(span -> span.kind().equals("CLIENT"))
          .map(ExportedSpan::spanId).findFirst().orElse(null);
    }
  }

  private static AppRun runApp(
      Lineup lineup, Server server, Scenario.App app, List<Scenario> scenarios, Map<String, String> environment) {
    Path root = ProjectLayout.root();
    List<String> command = app == Scenario.App.SERVER
        ? server.command(root, JavaProcess.QUICK_START)
        // only the Spark modes have a failing-routes app: the Spring lineup sends none of its scenarios
        : ((Mode) server).failingRoutesCommand(root, JavaProcess.QUICK_START);
    Map<String, String> env = new HashMap<>(Scenario.SERVER_ENVIRONMENT);
    env.putAll(METRICS_ENVIRONMENT);
    env.putAll(environment);
    try (OtlpReceiver collector = OtlpReceiver.start()) {
      env.put("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", collector.endpoint() + OtlpReceiver.METRICS_PATH);
      return run(lineup, server, command, env, scenarios, collector);
    }
  }

  /** Starts the program, sends it the scenarios' requests, waits for their spans and stops it. */
  private static AppRun run(Lineup lineup, Server server, List<String> command, Map<String, String> env,
      List<Scenario> scenarios, OtlpReceiver collector) {
    Map<Scenario, List<ExportedSpan>> clientSpans = new EnumMap<>(Scenario.class);
    try (ServerProcess process = ServerProcess.start(server, command, env, START_TIMEOUT)) {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      int expected = 0;
      for (Scenario scenario : scenarios) {
        if (scenario.throughClient) {
          clientSpans.put(scenario, callThroughClient(process, scenario));
        } else {
          send(http, process, scenario);
        }
        expected += lineup.expectedSpans(server, scenario);
      }
      process.awaitSpans(expected, EXPORT_TIMEOUT);
      ProcessOutput output = process.stop(); // its shutdown exports the metrics, before it exits
      return new AppRun(output, MetricRows.lastExports(collector.metrics()), clientSpans, process.port());
    }
  }

  /** The scenario's request made by the real client; returns the spans the client exported. */
  private static List<ExportedSpan> callThroughClient(ServerProcess server, Scenario scenario) {
    Map<String, String> environment = new HashMap<>();
    environment.put("SERVER_URL", server.uri(scenario.path()).toString());
    ProcessOutput client = ClientProcess.run(environment, scenario.param());
    if (client.exitCode() != 0) {
      throw new ServerStartException("the client failed: " + String.join(" ", client.stderr()));
    }
    return client.spans();
  }

  private static void send(HttpClient http, ServerProcess server, Scenario scenario) {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(scenario.pathAndQuery)).timeout(Duration.ofSeconds(10));
    scenario.headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
    try {
      http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new UncheckedIOException("request for " + scenario.name() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerStartException("interrupted");
    }
  }

  private Compare() {}
}
