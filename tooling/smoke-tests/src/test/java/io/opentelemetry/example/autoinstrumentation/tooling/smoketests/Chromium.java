package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.JavaProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A page as a browser renders it: headless Chromium (Debian's {@code chromium} package), one process per call, each
 * with a new profile in {@code work} and nothing that reaches the network.
 */
final class Chromium {

  static final String MISSING = "chromium is not installed: install Debian's package with `apt-get install -y chromium`"
      + " (.ci/run does) to run make test-browser";
  private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--hide-scrollbars");
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  /**
   * A screenshot of the whole of {@code page} laid out {@code width} CSS pixels wide, drawn at {@code scale} device
   * pixels per CSS pixel. Chromium shoots its window only, so the window starts tall and doubles until the page's end
   * shows as blank rows at the bottom.
   */
  static BufferedImage screenshot(Path page, int width, double scale, Path work) throws IOException {
    for (int height = 16_000; ; height *= 2) {
      Path png = work.resolve("screenshot-" + height + ".png");
      run(work, List.of(
          String.format(Locale.ROOT, "--window-size=%d,%d", width, height),
          String.format(Locale.ROOT, "--force-device-scale-factor=%s", scale),
          "--screenshot=" + png, page.toUri().toString()));
      BufferedImage image = ImageIO.read(png.toFile());
      if (blankRows(image, image.getHeight() - 20, image.getHeight()) || height >= 64_000) {
        return image;
      }
    }
  }

  static boolean blankRows(BufferedImage image, int from, int to) {
    for (int y = from; y < to; y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) {
          return false;
        }
      }
    }
    return true;
  }

  private static ProcessOutput run(Path work, List<String> arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of(executable().toString()));
    command.addAll(FLAGS);
    command.add("--user-data-dir=" + Files.createTempDirectory(work, "profile"));
    command.addAll(arguments);
    ProcessOutput output = JavaProcess.start(command, work, Map.of()).await(TIMEOUT);
    assertThat(output.exitCode()).as("%s failed: %s", command, String.join("\n", output.stderr())).isZero();
    return output;
  }

  private static Path executable() {
    for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      Path chromium = Path.of(directory, "chromium");
      if (Files.isExecutable(chromium)) {
        return chromium;
      }
    }
    throw new AssertionError(MISSING);
  }

  private Chromium() {}
}
