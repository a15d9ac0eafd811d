package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import io.opentelemetry.example.autoinstrumentation.tooling.bench.LoadGenerator.Load;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.OtlpReceiver;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess.ServerStartException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code make profile MODE=...}: async-profiler in a server under the bench's load, and a flame graph of where its CPU
 * goes. The bench loads the profiler's native library into the running server through the JDK's attach API, as
 * async-profiler's own launcher does, once the server is warm: start-up and JIT compilation stay out of the picture.
 */
@Command(name = "profile", sortOptions = false, usageHelpAutoWidth = true,
    description = "Profiles one mode under the bench's load with async-profiler, and draws its flame graph.")
public final class Profiler {

  /** One sample per millisecond of CPU: about 20,000 samples in 10 s on two cores. */
  static final long INTERVAL_NANOS = 1_000_000;

  /** What async-profiler samples on. */
  enum Event { cpu, itimer, wall }

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "this list")
  boolean help;

  @Option(names = "--mode", required = true, paramLabel = "MODE",
      description = "manual, programmatic, automatic, automatic-lean, automatic-lean-c1 or baseline")
  Variant variant;

  @Option(names = "--exporter", paramLabel = "EXPORTER", description = "otlp (default), none or logging-otlp")
  Exporter exporter = Exporter.OTLP;

  @Option(names = "--route", paramLabel = "TARGET", description = "default: /server_request?param=bench")
  Route route = Route.SERVER_REQUEST;

  @Option(names = "--seconds", paramLabel = "N", description = "of load while sampling, 1 to 600 (default: 20)")
  int seconds = 20;

  @Option(names = "--warmup", paramLabel = "MAX-SECONDS", description = "0 to 300 (default: 30)")
  int warmup = 30;

  @Option(names = "--event", paramLabel = "EVENT", description = "cpu (default), itimer or wall")
  Event event = Event.cpu;

  public static void main(String[] args) throws Exception {
    Profiler options = new Profiler();
    Setup setup;
    Settings settings;
    try {
      CommandLine line = new CommandLine(options)
          .registerConverter(Variant.class, value -> BenchOptions.convert(value, Variant::of))
          .registerConverter(Route.class, value -> BenchOptions.convert(value, Route::of))
          .registerConverter(Exporter.class, value -> BenchOptions.convert(value, Exporter::of));
      line.parseArgs(args);
      if (options.help) {
        line.usage(System.out);
        return;
      }
      if (options.seconds < 1 || options.seconds > 600 || options.warmup < 0 || options.warmup > 300) {
        throw new ParameterException(line, "--seconds takes a whole number from 1 to 600, --warmup from 0 to 300");
      }
      if (options.variant.jdk25 || options.variant == Variant.BASELINE_AGAIN) {
        throw new ParameterException(line, "--mode takes a variant on this JDK: manual, programmatic, automatic,"
            + " automatic-lean, automatic-lean-c1 or baseline");
      }
      setup = new Setup(options.variant, options.variant.isBaseline() ? Exporter.NONE : options.exporter,
          BatchSettings.SHARED, options.route);
      settings = BenchOptions.parse("--warmup", String.valueOf(options.warmup), "--profile",
          String.valueOf(options.seconds)).settings(null);
    } catch (ParameterException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    Profile profile;
    try (OtlpReceiver receiver = OtlpReceiver.counting()) {
      Path root = ProjectLayout.root();
      profile = profile(Launcher.of(root, null), library(root), setup, settings, receiver,
          root.resolve("target/profile"), setup.variant().label, options.event.name());
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
  static Profile profile(Launcher launcher, Path library, Setup setup, Settings settings, OtlpReceiver receiver,
      Path out, String name, String event) throws InterruptedException, IOException {
    Files.createDirectories(out);
    Path collapsed = out.resolve(name + ".collapsed");
    Path html = out.resolve(name + ".html");
    Path svg = out.resolve("flame-" + name + ".svg");
    Path log = out.resolve(name + ".log");
    Files.deleteIfExists(collapsed);
    Files.deleteIfExists(log);
    LoadGenerator generator = new LoadGenerator();
    try (ServerProcess server = Launch.start(launcher, setup, receiver)) {
      server.discardOutput();
      URI uri = server.uri(setup.route().target());
      try (JvmProbe probe = attachForProfile(server.pid(), name)) {
        Launch.warmUp(generator, server.pid(), probe, uri, settings);
        command(probe, library, log, "start,event=" + event + ",interval=" + INTERVAL_NANOS + ",threads");
        long cpuBefore = ProcessStats.cpuNanos(server.pid());
        Load load = generator.run(uri, settings.concurrency(), settings.profile(), settings.maxRequests());
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
