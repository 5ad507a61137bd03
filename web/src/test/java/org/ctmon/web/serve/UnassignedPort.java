package org.ctmon.web.serve;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A loopback port for a test that must know a port before something listens on it, or listen on
 * the same port twice. Ports from port 0 come from the kernel's ephemeral range, which the kernel
 * also hands to every outgoing connection and to every other listener asking for port 0, so a
 * port found free there can be taken before the test binds it. These are drawn below that range
 * (32768 and up on Linux), where only an explicit bind can take them.
 */
final class UnassignedPort {
  private static final int FIRST = 20_000;
  private static final int LAST = 32_767;

  private UnassignedPort() {}

  /** A port below the ephemeral range that nothing listens on now. */
  static int pick() throws IOException {
    IOException last = null;
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(FIRST, LAST + 1);
      try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return probe.getLocalPort();
      } catch (IOException busy) {
        last = busy;
      }
    }
    throw new IOException("no free loopback port between " + FIRST + " and " + LAST, last);
  }
}
