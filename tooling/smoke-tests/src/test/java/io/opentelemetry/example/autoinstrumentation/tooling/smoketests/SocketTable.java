package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's own account of TCP sockets (Linux {@code /proc/net/tcp} and {@code tcp6}): where a server listens, and
 * how many connections it holds, seen from outside the process.
 */
final class SocketTable {

  private static final String LISTEN = "0A";
  private static final String ESTABLISHED = "01";

  /**
   * The local addresses of the sockets listening on {@code port}. Java listens on an IPv6 socket where it can; 127.0.0.1
   * then shows as the IPv4-mapped ::ffff:127.0.0.1, which is read back as 127.0.0.1.
   */
  public static List<String> listeningAddresses(int port) {
    return localAddresses(port, LISTEN).stream().map(SocketTable::address).toList();
  }

  /** How many connections the server on {@code port} has accepted and holds open right now. */
  public static int establishedConnections(int port) {
    return localAddresses(port, ESTABLISHED).size();
  }

  /** The hex local addresses of the sockets whose local port is {@code port}, in {@code state}. */
  private static List<String> localAddresses(int port, String state) {
    String portHex = String.format(":%04X", port);
    List<String> addresses = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      List<String> lines;
      try {
        lines = Files.readAllLines(Path.of(table));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + table + "; this check needs Linux", e);
      }
      for (String line : lines.subList(1, lines.size())) { // the first line names the columns
        String[] fields = line.trim().split("\\s+"); // sl local_address rem_address st ...
        if (fields[1].endsWith(portHex) && fields[3].equals(state)) {
          addresses.add(fields[1].substring(0, fields[1].indexOf(':')));
        }
      }
    }
    return addresses;
  }

  private static String address(String hex) {
    boolean ipv4 = hex.length() == 8 || hex.startsWith("0000000000000000FFFF0000");
    return ipv4 ? ipv4(hex.substring(hex.length() - 8)) : "[" + hex + "]";
  }

  /** The kernel writes an IPv4 address as one little-endian 32-bit word in hex. */
  private static String ipv4(String hex) {
    long address = Long.parseLong(hex, 16);
    return (address & 0xff) + "." + (address >> 8 & 0xff) + "." + (address >> 16 & 0xff) + "." + (address >> 24 & 0xff);
  }

  private SocketTable() {}
}
