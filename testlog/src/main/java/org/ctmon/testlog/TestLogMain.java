package org.ctmon.testlog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ctmon.testlog.fault.Fault;
import org.ctmon.testlog.fault.FaultSpec;
import org.ctmon.testlog.fault.LaterFault;
import org.ctmon.testlog.log.LogProtocol;
import org.ctmon.testlog.pki.IssuanceStream;

/**
 * Runs test logs standalone until killed:
 *
 * <pre>
 *   java -cp ... org.ctmon.testlog.TestLogMain [--port P] [--entries N] [--grow R]
 *       [--logs rfc6962,static] [--seed S] [--batch 256] [--gzip] [--delete-partial-tiles]
 *       [--rsa-mix] [--cache DIR] [--fault SPEC[@DELAY]]...
 * </pre>
 *
 * Fault specs are those of {@link FaultSpec}. Prints the base URL and the log list URL once
 * serving. {@code ctmon testlog} in the web module maps its options onto {@link TestLogOptions}
 * the same way ({@link #parse}).
 */
public final class TestLogMain {
  private TestLogMain() {}

  /** Starts the server and blocks. */
  public static void main(String[] args) throws InterruptedException {
    TestLogOptions options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("testlog: " + e.getMessage());
      System.exit(2);
      return;
    }
    long t0 = System.nanoTime();
    TestLogServer server = TestLogServer.start(options);
    System.out.printf("testlog: %s serving %s in %.1f s%n", server.baseUrl(),
        server.logs().stream().map(l -> l.name() + " (" + l.publishedSize() + " entries)").toList(),
        (System.nanoTime() - t0) / 1e9);
    System.out.println("testlog: log list " + server.logListUrl());
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    Thread.currentThread().join();
  }

  /**
   * The options of a command line (see the class comment).
   *
   * @throws IllegalArgumentException naming the bad option
   */
  public static TestLogOptions parse(String[] args) {
    TestLogOptions o = TestLogOptions.defaults();
    List<Fault> faults = new ArrayList<>();
    List<LaterFault> later = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--port":
          o = o.withPort(Integer.parseInt(value(args, ++i, a)));
          break;
        case "--entries":
          o = o.withEntries(Long.parseLong(value(args, ++i, a)));
          break;
        case "--grow":
          o = o.withGrowRate(Double.parseDouble(value(args, ++i, a)));
          break;
        case "--logs":
          List<LogProtocol> protocols = new ArrayList<>();
          for (String p : value(args, ++i, a).split(",")) {
            protocols.add(LogProtocol.valueOf(p.trim().toUpperCase(Locale.ROOT)));
          }
          o = o.withProtocols(protocols);
          break;
        case "--seed":
          o = o.withSeed(Long.parseLong(value(args, ++i, a)));
          break;
        case "--batch":
          o = o.withBatchCap(Integer.parseInt(value(args, ++i, a)));
          break;
        case "--gzip":
          o = o.withGzip(true);
          break;
        case "--delete-partial-tiles":
          o = o.withDeletePartialTiles(true);
          break;
        case "--rsa-mix":
          o = o.withCaWeights(IssuanceStream.DEFAULT_CA_WEIGHTS);
          break;
        case "--cache":
          o = o.withCacheDir(Path.of(value(args, ++i, a)));
          break;
        case "--fault":
          LaterFault f = FaultSpec.parseLater(value(args, ++i, a));
          if (f.after().isZero()) {
            faults.add(f.fault());
          } else {
            later.add(f);
          }
          break;
        default:
          throw new IllegalArgumentException("unknown option " + a);
      }
    }
    return o.withFaults(faults).withLaterFaults(later);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException("option " + option + " needs a value");
    }
    return args[i];
  }
}
