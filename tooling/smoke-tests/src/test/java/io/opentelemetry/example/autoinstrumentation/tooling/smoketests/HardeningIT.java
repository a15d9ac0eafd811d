package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every mode listens on loopback only unless told otherwise, and runs and traces on the patched Jetty the root POM manages. */
class HardeningIT {

  static final String JETTY_VERSION = "9.4.58.v20250814";

  @ParameterizedTest
  @EnumSource(Mode.class)
  void listensOnLoopbackOnlyOnThePatchedJetty(Mode mode) throws Exception {
    ProcessOutput output;
    List<String> listening;
    HttpResponse<String> response;
    List<ExportedSpan> spans;
    // an empty BIND_ADDRESS leaves the address to the server's default, which is what is checked
    try (ServerProcess server = ServerProcess.start(mode, Map.of("BIND_ADDRESS", ""), Duration.ofSeconds(60))) {
      listening = SocketTable.listeningAddresses(server.port());
      for (InetAddress address : nonLoopbackAddresses()) {
        assertThat(connects(address, server.port())).as("a connection through %s", address).isFalse();
      }
      response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(server.uri("/server_request?param=jetty")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      spans = server.awaitSpans(1, Duration.ofSeconds(15));
      output = server.stop();
    }

    assertThat(listening).containsExactly("127.0.0.1");
    assertThat(jettyJarsOnTheClassPath(mode)).isNotEmpty().allMatch(jar -> jar.endsWith("-" + JETTY_VERSION + ".jar"));
    assertThat(output.stdout()).anyMatch(line -> line.contains("jetty-" + JETTY_VERSION)); // Jetty's log line
    assertThat(response.body()).isEqualTo("served");
    assertThat(spans).singleElement().satisfies(span -> {
      assertThat(span.name()).isEqualTo("GET /server_request");
      assertThat(span.kind()).isEqualTo("SERVER");
    });
  }

  /** Told otherwise, a server listens on every address; this also shows that the check above can fail. */
  @Test
  void listensWhereBindAddressSays() throws Exception {
    try (ServerProcess server = ServerProcess.start(Mode.MANUAL, Map.of("BIND_ADDRESS", "0.0.0.0"), Duration.ofSeconds(60))) {
      assertThat(SocketTable.listeningAddresses(server.port())).singleElement().isNotEqualTo("127.0.0.1");
      for (InetAddress address : nonLoopbackAddresses()) {
        assertThat(connects(address, server.port())).as("a connection through %s", address).isTrue();
      }
    }
  }

  /** This machine's own addresses other than loopback: the way in from the network. */
  private static List<InetAddress> nonLoopbackAddresses() throws Exception {
    return NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
        .toList();
  }

  private static boolean connects(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 2_000);
      return true;
    } catch (IOException refusedOrUnanswered) {
      return false;
    }
  }

  /** The Jetty jars the server's manifest puts on its class path, by file name. */
  private static List<String> jettyJarsOnTheClassPath(Mode mode) throws Exception {
    try (JarFile jar = new JarFile(mode.jar(ProjectLayout.root()).toFile())) {
      String classPath = jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      return Arrays.stream(classPath.split(" "))
          .map(entry -> entry.substring(entry.lastIndexOf('/') + 1))
          .filter(name -> name.startsWith("jetty-") || name.startsWith("websocket-"))
          .toList();
    }
  }
}
