package org.ctmon.web.serve;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT (Ctrl-C) as a request to stop, not as the JVM's shutdown: the command's
 * thread then closes the monitor (the batch in hand committed, the web server stopped) before
 * anything else shuts down, and exits with status 0. Left to the JVM, a SIGTERM runs the shutdown
 * hooks all at once, so H2's own hook could close the database under the last batch's commit, and
 * the process exits with 143. A second signal while stopping is the JVM's again (it exits).
 */
public final class StopSignals {
  private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);
  private final CountDownLatch requested = new CountDownLatch(1);

  private StopSignals() {}

  /** Handles SIGTERM and SIGINT from now on. */
  public static StopSignals install() {
    StopSignals s = new StopSignals();
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal.handle(new Signal(name), signal -> {
          LOG.info("SIG{} received: stopping (a second one exits at once)", signal.getName());
          Signal.handle(signal, sun.misc.SignalHandler.SIG_DFL);
          s.requested.countDown();
        });
      } catch (IllegalArgumentException e) {
        // Not on this platform, or the JVM keeps it (-Xrs): its shutdown hook still stops the monitor.
        LOG.debug("cannot handle SIG{}: {}", name, e.getMessage());
      }
    }
    return s;
  }

  /** Waits until a stop is requested. */
  public void await() throws InterruptedException {
    requested.await();
  }
}
