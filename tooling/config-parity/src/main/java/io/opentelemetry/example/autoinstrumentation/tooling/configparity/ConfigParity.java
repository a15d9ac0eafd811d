package io.opentelemetry.example.autoinstrumentation.tooling.configparity;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.MarkdownTable;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

/**
 * Runs the settings × modes table: every group's environment in every mode, three servers at a time, the agent's (the
 * slowest) first but never more than two of them, and each row's effect as each mode showed it. ConfigParityIT asserts it; {@code make docs}
 * writes it into docs/configuration.md.
 */
public final class ConfigParity {

  /** Servers at a time; at most two of them the agent's, whose start keeps a core busy for seconds. */
  private static final int PARALLEL = 3;
  private static final int AGENTS = 2;

  /** One row as each mode showed it. */
  public record RowResult(Row row, Map<Mode, String> observed) {
    public boolean asExpected() {
      return observed.entrySet().stream().allMatch(entry -> entry.getValue().equals(row.expected(entry.getKey())));
    }

    public String setting() {
      return row.setting();
    }

    public String expected(Mode mode) {
      return row.expected(mode);
    }

    /** The first mode that acted otherwise, what it showed and what the row expects of it; null when none did. */
    public String firstDifference() {
      return observed.entrySet().stream()
          .filter(entry -> !entry.getValue().equals(row.expected(entry.getKey())))
          .map(entry -> row.setting() + " in " + entry.getKey().label() + ": it showed \"" + entry.getValue()
              + "\", the table expects \"" + row.expected(entry.getKey()) + "\"")
          .findFirst().orElse(null);
    }

    /** Whether the row expects every mode to act the same, rather than a documented refusal. */
    public boolean sameInEveryMode() {
      return row.differs().isEmpty();
    }
  }

  /** The whole table, how long it took to run, and how long each group took in each mode. */
  public record Result(List<RowResult> rows, Duration took, Map<String, Duration> runs) {
    public List<RowResult> unexpected() {
      return rows.stream().filter(row -> !row.asExpected()).toList();
    }

    public String markdown() {
      return ConfigParity.markdown(rows);
    }
  }

  public static Result run() {
    long started = System.nanoTime();
    List<Row> rows = ConfigTable.rows();
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    Semaphore agents = new Semaphore(AGENTS);
    Map<Group, Map<Mode, Future<ModeRun>>> runs = new LinkedHashMap<>();
    for (Mode mode : List.of(Mode.AUTOMATIC, Mode.MANUAL, Mode.PROGRAMMATIC)) {
      for (Group group : ConfigTable.groups(rows)) {
        runs.computeIfAbsent(group, g -> new EnumMap<>(Mode.class)).put(mode, pool.submit(() -> {
          if (mode != Mode.AUTOMATIC) {
            return run(group, mode);
          }
          agents.acquire();
          try {
            return run(group, mode);
          } finally {
            agents.release();
          }
        }));
      }
    }
    try {
      for (Mode mode : Mode.values()) {
        Duration ordinary = runs.get(ConfigTable.OTLP).get(mode).get().stopTook();
        for (Map<Mode, Future<ModeRun>> group : runs.values()) {
          group.get(mode).get().ordinaryStop(ordinary);
        }
      }
      List<RowResult> results = new ArrayList<>();
      for (Row row : rows) {
        Map<Mode, String> observed = new EnumMap<>(Mode.class);
        for (Mode mode : Mode.values()) {
          ModeRun run = runs.get(row.group()).get(mode).get();
          observed.put(mode, row.observe(run));
        }
        results.add(new RowResult(row, observed));
      }
      Map<String, Duration> times = new LinkedHashMap<>();
      for (Map.Entry<Group, Map<Mode, Future<ModeRun>>> group : runs.entrySet()) {
        for (Map.Entry<Mode, Future<ModeRun>> mode : group.getValue().entrySet()) {
          ModeRun run = mode.getValue().get();
          Object ratio = run.measured("latency ratio");
          times.put(group.getKey().name() + " / " + mode.getKey().label() + (ratio == null ? "" : String.format(" (latency ratio %.2f)", (double) ratio)),
              (Duration) run.measured("took"));
        }
      }
      return new Result(results, Duration.ofNanos(System.nanoTime() - started), times);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
      runs.values().forEach(byMode -> byMode.values().forEach(future -> {
        if (future.isDone() && !future.isCancelled()) {
          try {
            future.get().close();
          } catch (InterruptedException | ExecutionException e) {
            // nothing to close
          }
        }
      }));
    }
  }

  private static ModeRun run(Group group, Mode mode) {
    long started = System.nanoTime();
    ModeRun run = new ModeRun(mode);
    try {
      if (run.start(group.environment())) {
        group.script().run(run);
      }
    } catch (RuntimeException e) {
      run.fail(String.valueOf(e.getMessage()));
    } finally {
      run.stop();
    }
    run.measure("took", Duration.ofNanos(System.nanoTime() - started));
    return run;
  }

  static String markdown(List<RowResult> rows) {
    MarkdownTable cells = new MarkdownTable("setting", "request", "manual", "automatic", "programmatic", "Python");
    for (RowResult result : rows) {
      List<String> row = new ArrayList<>(List.of(result.row().setting(), result.row().request()));
      for (Mode mode : Mode.values()) {
        row.add(result.observed().get(mode));
      }
      row.add(result.row().python());
      cells.row(row);
    }
    StringBuilder table = new StringBuilder(cells.toString());
    table.append("\n").append(rows.size()).append(" rows: ")
        .append(rows.stream().filter(RowResult::sameInEveryMode).count()).append(" act the same in every mode; ")
        .append(rows.stream().filter(row -> !row.sameInEveryMode()).count())
        .append(" differ in the modes named, each for its reason (a refusal is one line, and the server does not start):\n\n");
    for (RowResult result : rows) {
      if (!result.sameInEveryMode()) {
        String modes = result.row().differs().keySet().stream().sorted().map(Mode::label).collect(Collectors.joining(", "));
        table.append("- ").append(result.setting()).append(" (").append(modes).append("): ")
            .append(result.row().reason()).append(".\n");
      }
    }
    table.append("\nEach group of rows shares one server per mode, started with these variables (and the shared defaults):\n\n");
    for (Group group : ConfigTable.groups(rows.stream().map(RowResult::row).toList())) {
      table.append("- ").append(group.name()).append(": ").append(group.environment().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .map(entry -> "`" + entry.getKey() + "=" + entry.getValue()
              .replace("{receiver}", "http://127.0.0.1:<port>").replace("{grpc}", "http://127.0.0.1:<port>") + "`")
          .collect(Collectors.joining(", "))).append("\n");
    }
    return table.toString();
  }

  private ConfigParity() {}
}
