package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import io.opentelemetry.example.autoinstrumentation.tooling.bench.LoadGenerator.Load;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess.ServerStartException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code make profile MODE=...}: async-profiler in a server under the bench's load, and a flame graph of where its CPU
 * goes. The bench loads the profiler's native library into the running server through the JDK's attach API, as
 * async-profiler's own launcher does, once the server is warm: start-up and JIT compilation stay out of the picture.
 */
public final class Profiler {

  static final String USAGE = "usage: profile --mode manual|programmatic|automatic|automatic-lean|baseline"
      + " [--exporter otlp|none|logging-otlp] [--route /server_request?param=bench] [--seconds N] [--warmup MAX-SECONDS]"
      + " [--event cpu|itimer|wall]";
  /** One sample per millisecond of CPU: about 20,000 samples in 10 s on two cores. */
  static final long INTERVAL_NANOS = 1_000_000;

  public static void main(String[] args) throws Exception {
    Setup setup;
    BenchOptions options;
    String event = "cpu";
    try {
      Variant variant = null;
      Exporter exporter = Exporter.OTLP;
      Route route = Route.SERVER_REQUEST;
      String seconds = "20";
      String warmup = "30";
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(args[i] + " needs a value; " + USAGE);
        }
        String value = args[i + 1];
        switch (args[i]) {
          case "--mode" -> variant = Variant.of(value);
          case "--exporter" -> exporter = Exporter.of(value);
          case "--route" -> route = Route.of(value);
          case "--seconds" -> seconds = value;
          case "--warmup" -> warmup = value;
          case "--event" -> event = switch (value) {
            case "cpu", "itimer", "wall" -> value;
            default -> throw new IllegalArgumentException("--event takes cpu, itimer or wall, got '" + value + "'");
          };
          default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'; " + USAGE);
        }
      }
      if (variant == null) {
        throw new IllegalArgumentException("--mode is required; " + USAGE);
      }
      options = BenchOptions.parse("--profile", seconds, "--warmup", warmup);
      if (options.profile().isZero()) {
        throw new IllegalArgumentException("--seconds takes a whole number from 1 to 600, got '" + seconds + "'");
      }
      setup = new Setup(variant, variant == Variant.BASELINE ? Exporter.NONE : exporter, BatchSettings.SHARED, route);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage().replace("--profile takes", "--seconds takes"));
      System.exit(2);
      return;
    }
    Profile profile;
    Path out;
    try (NullCollector collector = new NullCollector()) {
      Path root = ProjectLayout.root();
      out = root.resolve("target/profile");
      profile = profile(root, library(root), setup, options, collector, out, setup.variant().label, event);
      Files.writeString(profile.svg(), profile.graph().svg(profile.title(), profile.subtitle()));
    } catch (ServerStartException | IllegalStateException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.out.println(profile.summary());
    System.out.println("flame graph: " + profile.svg() + " (interactive: " + profile.html() + ")");
  }

  /** The native library for this machine, which the build unpacked; a one-line IllegalStateException if there is none. */
  static Path library(Path root) {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch");
    String platform;
    if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
      platform = "linux-x64";
    } else if (os.contains("linux") && arch.equals("aarch64")) {
      platform = "linux-arm64";
    } else if (os.contains("mac")) {
      platform = "macos";
    } else {
      throw new IllegalStateException("async-profiler has no library for " + os + " on " + arch);
    }
    Path library = root.resolve("tooling/bench/target/async-profiler").resolve(platform).resolve("libasyncProfiler.so");
    return ProjectLayout.requireJar(library);
  }

  /**
   * Starts {@code setup}'s server, warms it up as the bench does, then samples it with {@code event} for {@code
   * --profile} seconds of load, and writes {@code <name>.collapsed} and {@code <name>.html}; {@code flame-<name>.svg}
   * is where its flame graph goes.
   */
  static Profile profile(Path root, Path library, Setup setup, BenchOptions options, NullCollector collector, Path out,
      String name, String event) throws InterruptedException, IOException {
    Files.createDirectories(out);
    Path collapsed = out.resolve(name + ".collapsed");
    Path html = out.resolve(name + ".html");
    Path svg = out.resolve("flame-" + name + ".svg");
    Path log = out.resolve(name + ".log");
    Files.deleteIfExists(collapsed);
    Files.deleteIfExists(log);
    LoadGenerator generator = new LoadGenerator();
    collector.reset(setup.route().spanName());
    try (ServerProcess server = Bench.start(root, setup, collector)) {
      server.discardOutput();
      URI uri = server.uri(setup.route().target());
      Bench.warmUp(generator, server, uri, options);
      try (JvmProbe probe = attachForProfile(server.pid(), name)) {
        command(probe, library, log, "start,event=" + event + ",interval=" + INTERVAL_NANOS + ",threads");
        long cpuBefore = ProcessStats.cpuNanos(server.pid());
        Load load = generator.run(uri, options.concurrency(), options.profile(), options.maxRequests());
        long cpuAfter = ProcessStats.cpuNanos(server.pid());
        command(probe, library, log, "dump,file=" + html + ",flamegraph,title=" + setup.variant().label);
        command(probe, library, log, "stop,file=" + collapsed + ",collapsed");
        server.stop();
        FlameGraph graph = FlameGraph.parse(Files.readAllLines(collapsed));
        return new Profile(setup, event, load.requests(), cpuBefore < 0 ? -1 : cpuAfter - cpuBefore, graph, collapsed,
            svg, html);
      }
    }
  }

  private static JvmProbe attachForProfile(long pid, String name) {
    try {
      return JvmProbe.attach(pid);
    } catch (IOException e) {
      throw new IllegalStateException("cannot profile " + name + ": " + e.getMessage());
    }
  }

  /** One async-profiler command, as its launcher would send it; its own words on failure. */
  private static void command(JvmProbe probe, Path library, Path log, String command) throws IOException {
    try {
      probe.vm().loadAgentPath(library.toString(), command + ",log=" + log);
    } catch (AgentLoadException | AgentInitializationException e) {
      List<String> said = Files.exists(log) ? Files.readAllLines(log) : List.of();
      throw new IllegalStateException("async-profiler refused '" + command + "': "
          + (said.isEmpty() ? e.getMessage() : String.join(" ", said).trim()));
    }
  }

  private Profiler() {}
}
