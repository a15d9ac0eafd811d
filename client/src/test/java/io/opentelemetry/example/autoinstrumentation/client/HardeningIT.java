package io.opentelemetry.example.autoinstrumentation.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.example.autoinstrumentation.client.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.client.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.client.harness.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every mode listens on loopback only unless told otherwise, and runs on the patched Jetty the root POM manages. */
class HardeningIT {

  @ParameterizedTest
  @EnumSource(Mode.class)
  void listensOnLoopbackOnlyOnThePatchedJetty(Mode mode) throws Exception {
    ProcessOutput output;
    List<String> listening;
    // an empty BIND_ADDRESS leaves the address to the server's default, which is what is checked
    try (ServerProcess server = ServerProcess.start(mode, Map.of("BIND_ADDRESS", ""), Duration.ofSeconds(60))) {
      listening = listeningAddresses(server.port());
      output = server.stop();
    }

    assertThat(listening).containsExactly("127.0.0.1");
    assertThat(output.stderr()).anyMatch(line -> line.contains("jetty-9.4.58.v20250814"));
  }

  /**
   * The local addresses of the sockets listening on {@code port}, from the kernel's tables. Java listens on an IPv6
   * socket where it can; 127.0.0.1 then shows as the IPv4-mapped ::ffff:127.0.0.1, which is read back as 127.0.0.1.
   */
  static List<String> listeningAddresses(int port) throws Exception {
    String portHex = String.format(":%04X", port);
    List<String> addresses = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      for (String line : Files.readAllLines(Path.of(table))) {
        String[] fields = line.trim().split("\s+");
        if (fields[1].endsWith(portHex) && fields[3].equals("0A")) { // 0A: LISTEN
          String hex = fields[1].substring(0, fields[1].indexOf(':'));
          boolean ipv4 = hex.length() == 8 || hex.startsWith("0000000000000000FFFF0000");
          addresses.add(ipv4 ? ipv4(hex.substring(hex.length() - 8)) : "[" + hex + "]");
        }
      }
    }
    return addresses;
  }

  /** The kernel writes an IPv4 address as one little-endian 32-bit word in hex. */
  private static String ipv4(String hex) {
    long address = Long.parseLong(hex, 16);
    return (address & 0xff) + "." + (address >> 8 & 0xff) + "." + (address >> 16 & 0xff) + "." + (address >> 24 & 0xff);
  }
}
