package org.ctmon.web.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.ctmon.web.serve.StopSignals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ctmon demo}: starts the {@link Demo} and prints where to look and how to sign in, then
 * runs until Ctrl-C or SIGTERM. Offline: everything runs on 127.0.0.1.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Offline tour: a test CT log issuing certificates, ctmon following it, and a demo account whose watch",
        "list the log keeps hitting (expected, unexpected and lookalike certificates). Prints the URL and the login.",
        "Reads no ctmon.yaml and no CTMON_* variables."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:stopped", "1:could not start (the port is taken, the data directory cannot be written)"})
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "P", description = "Port of the web UI and API (default ${DEFAULT-VALUE}).")
  int port = 8080;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Keep the demo database in DIR (default: a temporary directory deleted at exit).")
  Path data;

  @Option(names = "--rate", paramLabel = "R", description = "Random entries a second the test log grows by (default ${DEFAULT-VALUE}).")
  double rate = 5;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir;
    boolean temporary = data == null;
    try {
      dir = temporary ? Files.createTempDirectory("ctmon-demo-") : Files.createDirectories(data);
    } catch (IOException e) {
      err.println("ctmon demo: cannot create the data directory " + data + ": " + e.getMessage());
      return 1;
    }
    Demo demo;
    try {
      demo = Demo.start(new Demo.Settings(port, dir, rate, 1000, Duration.ofSeconds(3)));
    } catch (RuntimeException e) { // the port taken, the database locked by another ctmon
      err.println("ctmon demo: cannot start: " + e.getMessage()
          + (port != 0 ? " (is port " + port + " taken? try --port 0 for any free port)" : ""));
      deleteIf(temporary, dir);
      return 1;
    }
    banner(out, demo, temporary);
    StopSignals signals = StopSignals.install();
    AtomicBoolean closed = new AtomicBoolean();
    Runnable stop = () -> {
      if (closed.compareAndSet(false, true)) {
        demo.close();
        deleteIf(temporary, dir);
      }
    };
    // Any other way out (System.exit, a signal the JVM keeps) still stops the demo.
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "ctmon-demo-shutdown"));
    signals.await();
    stop.run();
    out.println("ctmon demo: stopped.");
    out.flush();
    return 0;
  }

  private static void banner(PrintWriter out, Demo demo, boolean temporary) {
    DemoAccount a = demo.account();
    String url = demo.url();
    out.println();
    out.println("ctmon demo: test logs " + demo.logNames() + " at " + demo.logUrl() + " issue about "
        + demo.settings().rate() + " entries a second; ctmon follows them.");
    out.println();
    out.println("  open      " + url);
    out.println("  sign in   " + a.email() + "   password " + a.password());
    out.println("  watching  ." + DemoIssuances.DOMAIN + " (expected CA: " + DemoIssuances.EXPECTED_ISSUER
        + "; lookalikes on): alerts within seconds at " + url + "alerts");
    out.println("  webhook   alerts are delivered, signed, to the demo's receiver: see what arrived at "
        + demo.inbox().url());
    out.println("  search    " + url + "search?q=." + DemoIssuances.DOMAIN);
    out.println("  API       curl -H 'Authorization: Bearer " + a.token() + "' " + url + "api/v1/alerts");
    out.println("  data      " + demo.settings().data() + (temporary ? " (deleted at exit; --data DIR keeps it)" : ""));
    out.println();
    out.println("Ctrl-C stops the demo.");
    out.flush();
  }

  private static void deleteIf(boolean temporary, Path dir) {
    if (!temporary) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      System.err.println("ctmon demo: could not delete " + dir + ": " + e.getMessage());
    }
  }
}
