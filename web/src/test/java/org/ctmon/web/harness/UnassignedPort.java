package org.ctmon.web.harness;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A loopback port for a test that must know a port before something listens on it, or listen on
 * the same port twice. Ports from port 0 come from the kernel's ephemeral range, which the kernel
 * also hands to every outgoing connection and to every other listener asking for port 0, so a
 * port found free there can be taken before the test binds it. These are drawn outside that range
 * (read from {@code /proc/sys/net/ipv4/ip_local_port_range}; 32768-60999 by default), where only
 * an explicit bind can take them.
 */
public final class UnassignedPort {
  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

  private UnassignedPort() {}

  /** A port outside the ephemeral range that nothing listens on now. */
  public static int pick() throws IOException {
    int[] range = outsideEphemeralRange();
    IOException last = null;
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(range[0], range[1] + 1);
      try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return probe.getLocalPort();
      } catch (IOException busy) {
        last = busy;
      }
    }
    throw new IOException("no free loopback port between " + range[0] + " and " + range[1], last);
  }

  /** The larger stretch of at least 1,000 ports below or above the ephemeral range, first and last. */
  public static int[] outsideEphemeralRange() throws IOException {
    int low = 32_768;
    int high = 60_999;
    if (Files.isReadable(EPHEMERAL_RANGE)) {
      // Not Files.readString: on this sysctl file it returns the first byte only (JDK 17).
      String[] f = Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+");
      low = Integer.parseInt(f[0]);
      high = Integer.parseInt(f[1]);
    }
    int below = low - 1 - 10_000; // from 10,000 up: clear of the well-known and registered services
    int above = 65_535 - (high + 1);
    if (Math.max(below, above) < 1_000) {
      throw new IOException("the ephemeral port range " + low + "-" + high + " leaves no ports outside it");
    }
    return below >= above ? new int[] {10_000, low - 1} : new int[] {high + 1, 65_535};
  }
}
