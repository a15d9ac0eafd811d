package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.JavaProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The command line of each variant: the bench's own JDK or the JDK 25 it found, the agent's flags, the recipe's, and
 * the AOT cache of a training run. The training run follows upstream's recipe for the agent
 * (opentelemetry-java-instrumentation#19999): the agent's jar on the boot class path and {@code java.instrument} in
 * both runs, the agent itself only in the measured one.
 *
 * @param jdk25 the {@code java} of a JDK 25, or null when there is none
 * @param aotDirectory where the training runs write their caches
 */
record Launcher(Path root, String java, String jdk25, Path aotDirectory) {

  static final String ADD_INSTRUMENT = "--add-modules=java.instrument";

  List<String> command(Variant variant) {
    List<String> options = new ArrayList<>();
    if (variant.hasAgent() && variant.jdk25) {
      options.addAll(bootClassPath());
    }
    if (variant.aot) {
      options.addAll(List.of("-XX:AOTMode=on", "-XX:AOTCache=" + aotCache(variant)));
    }
    if (!variant.jdk25) {
      options.addAll(variant.recipe());
    }
    return onItsJdk(variant, variant.hasAgent()
        ? variant.mode.command(root, options)
        : withJar(variant, options));
  }

  /**
   * The training run of an AOT variant: at its exit the JVM writes the cache of the classes it loaded and linked and
   * of the methods' profiles. Under the agent's recipe, without the agent, which would transform the classes cached.
   */
  List<String> trainingCommand(Variant variant) {
    List<String> options = new ArrayList<>();
    if (variant.hasAgent()) {
      options.addAll(bootClassPath());
      options.add("-XX:+DisableAttachMechanism");
    }
    options.add("-XX:AOTCacheOutput=" + aotCache(variant));
    return onItsJdk(variant, withJar(variant, options));
  }

  Path aotCache(Variant variant) {
    return aotDirectory.resolve(variant.label + ".aot");
  }

  private List<String> bootClassPath() {
    return List.of(ADD_INSTRUMENT, "-Xbootclasspath/a:" + Mode.agentJar(root));
  }

  private List<String> withJar(Variant variant, List<String> options) {
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(options);
    command.addAll(List.of("-jar", variant.mode.jar(root).toString()));
    return command;
  }

  private List<String> onItsJdk(Variant variant, List<String> command) {
    if (variant.jdk25) {
      if (jdk25 == null) {
        throw new IllegalStateException(variant.label + " needs a JDK 25, and none was found");
      }
      command.set(0, jdk25);
    }
    return command;
  }

  /** With the bench's own JDK, and the JDK 25 that {@link #findJdk25} finds. */
  static Launcher of(Path root, Path jdk25Home) {
    return new Launcher(root, JavaProcess.javaExecutable(), jdk25Home == null ? null : java(jdk25Home).toString(),
        root.resolve("target/bench/aot"));
  }

  /**
   * A JDK 25: {@code explicit} if given (it must be one), else the bench's own JDK if it is one, else the first in
   * /usr/lib/jvm, where Debian's packages and Temurin's put theirs.
   */
  static Optional<Path> findJdk25(Path explicit) {
    if (explicit != null) {
      if (!isJdk25(explicit)) {
        throw new IllegalArgumentException("--jdk25 names no JDK 25: " + explicit);
      }
      return Optional.of(explicit);
    }
    Path own = Path.of(System.getProperty("java.home"));
    if (Runtime.version().feature() == 25 && Files.isExecutable(java(own))) {
      return Optional.of(own);
    }
    try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
      return jdks.sorted().filter(Launcher::isJdk25).findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The JDK at {@code home} in a few words, from its {@code release} file: {@code Eclipse Adoptium 25.0.3+9-LTS}. */
  static String describe(Path home) {
    try {
      java.util.Properties release = new java.util.Properties();
      try (java.io.Reader in = Files.newBufferedReader(home.resolve("release"))) {
        release.load(in);
      }
      return (unquoted(release.getProperty("IMPLEMENTOR", "")) + " "
          + unquoted(release.getProperty("JAVA_RUNTIME_VERSION", release.getProperty("JAVA_VERSION", "")))).trim();
    } catch (IOException e) {
      return home.toString();
    }
  }

  private static String unquoted(String value) {
    return value.replace("\"", "");
  }

  /** A JDK whose {@code release} file says version 25, with its {@code java}. */
  static boolean isJdk25(Path home) {
    try {
      return Files.isExecutable(java(home)) && Files.readAllLines(home.resolve("release")).stream()
          .anyMatch(line -> line.matches("JAVA_VERSION=\"25([.\"].*)?"));
    } catch (IOException e) {
      return false;
    }
  }

  private static Path java(Path home) {
    return home.resolve("bin").resolve("java");
  }
}
