package org.ctmon.testlog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.ctmon.testlog.fault.Fault;
import org.ctmon.testlog.fault.LaterFault;
import org.ctmon.testlog.log.LogProtocol;
import org.ctmon.testlog.pki.IssuanceStream;

/**
 * How to run a {@link TestLogServer}: what {@code ctmon testlog --port P --entries N --grow R [faults]}
 * maps to.
 *
 * @param port TCP port on 127.0.0.1; 0 for an ephemeral one
 * @param entries entries every log holds (at least) before the server starts answering
 * @param growRate entries per second each log grows by afterwards (about; heads published every
 *     second), 0 for a log that only grows when told ({@link TestLogServer#grow(int)})
 * @param protocols one per log, in order: the logs are named {@code <protocol>-<i>} ({@code
 *     rfc6962-0}, {@code static-1}, ...); every issuance is logged in two of them when there are two
 *     or more
 * @param seed the seed of the PKI, the log keys and the issuance stream
 * @param batchCap the most entries one get-entries page holds (real logs: 32 to 1000)
 * @param gzip whether data tiles are served gzip-compressed
 * @param deletePartialTiles whether partial tiles are deleted (404) once their full tile exists
 * @param caWeights issuing CAs and weights ({@link IssuanceStream#DEFAULT_CA_WEIGHTS}, or {@link
 *     #FAST_CA_WEIGHTS} for volume)
 * @param faults faults active on every log from the start
 * @param laterFaults faults that begin on every log some time after the start
 * @param cacheDir where to keep the initial entries between runs ({@link
 *     org.ctmon.testlog.log.EntryCache}), named after everything that determines them; empty for none
 */
public record TestLogOptions(
    int port,
    long entries,
    double growRate,
    List<LogProtocol> protocols,
    long seed,
    int batchCap,
    boolean gzip,
    boolean deletePartialTiles,
    Map<String, Integer> caWeights,
    List<Fault> faults,
    List<LaterFault> laterFaults,
    Optional<Path> cacheDir) {
  /** ECDSA P-256 issuing CAs only: several times faster to issue than the default (half RSA) mix. */
  public static final Map<String, Integer> FAST_CA_WEIGHTS = Map.of("E6", 1, "DV2", 1);

  public TestLogOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not within 0..65535");
    }
    if (entries < 0) {
      throw new IllegalArgumentException("entries " + entries + " is negative");
    }
    if (growRate < 0 || Double.isNaN(growRate)) {
      throw new IllegalArgumentException("grow rate " + growRate + " is not a non-negative number");
    }
    protocols = List.copyOf(protocols);
    if (protocols.isEmpty()) {
      throw new IllegalArgumentException("a test log server needs at least one log");
    }
    if (batchCap < 1) {
      throw new IllegalArgumentException("batch cap " + batchCap + " is not positive");
    }
    caWeights = Map.copyOf(caWeights);
    faults = List.copyOf(faults);
    laterFaults = List.copyOf(laterFaults);
    if (cacheDir == null) {
      throw new IllegalArgumentException("cache dir must be present or empty, not null");
    }
  }

  /**
   * The defaults: an ephemeral port, no entries, no growth, one RFC 6962 and one static log, seed
   * 6962, pages of 256, plain data tiles, partial tiles kept, the fast CA mix, no faults, no cache.
   */
  public static TestLogOptions defaults() {
    return new TestLogOptions(0, 0, 0, List.of(LogProtocol.RFC6962, LogProtocol.STATIC), 6962, 256, false, false,
        FAST_CA_WEIGHTS, List.of(), List.of(), Optional.empty());
  }

  /** These options with {@code port}. */
  public TestLogOptions withPort(int port) {
    return new TestLogOptions(port, entries, growRate, protocols, seed, batchCap, gzip, deletePartialTiles, caWeights, faults, laterFaults, cacheDir);
  }

  /** These options with {@code entries}. */
  public TestLogOptions withEntries(long entries) {
    return new TestLogOptions(port, entries, growRate, protocols, seed, batchCap, gzip, deletePartialTiles, caWeights, faults, laterFaults, cacheDir);
  }

  /** These options with {@code growRate} entries per second. */
  public TestLogOptions withGrowRate(double growRate) {
    return new TestLogOptions(port, entries, growRate, protocols, seed, batchCap, gzip, deletePartialTiles, caWeights, faults, laterFaults, cacheDir);
  }

  /** These options with {@code protocols}, one per log. */
  public TestLogOptions withProtocols(List<LogProtocol> protocols) {
    return new TestLogOptions(port, entries, growRate, protocols, seed, batchCap, gzip, deletePartialTiles, caWeights, faults, laterFaults, cacheDir);
  }

  /** These options with {@code seed}. */
  public TestLogOptions withSeed(long seed) {
    return new TestLogOptions(port, entries, growRate, protocols, seed, batchCap, gzip, deletePartialTiles, caWeights, faults, laterFaults, cacheDir);
  }

  /** These options with get-entries pages of at most {@code batchCap}. */
  public TestLogOptions withBatchCap(int batchCap) {
    return new TestLogOptions(port, entries, growRate, protocols, seed, batchCap, gzip, deletePartialTiles, caWeights, faults, laterFaults, cacheDir);
  }

  /** These options with data tiles gzip-compressed or not. */
  public TestLogOptions withGzip(boolean gzip) {
    return new TestLogOptions(port, entries, growRate, protocols, seed, batchCap, gzip, deletePartialTiles, caWeights, faults, laterFaults, cacheDir);
  }

  /** These options with superseded partial tiles deleted or kept. */
  public TestLogOptions withDeletePartialTiles(boolean deletePartialTiles) {
    return new TestLogOptions(port, entries, growRate, protocols, seed, batchCap, gzip, deletePartialTiles, caWeights, faults, laterFaults, cacheDir);
  }

  /** These options with {@code caWeights}. */
  public TestLogOptions withCaWeights(Map<String, Integer> caWeights) {
    return new TestLogOptions(port, entries, growRate, protocols, seed, batchCap, gzip, deletePartialTiles, caWeights, faults, laterFaults, cacheDir);
  }

  /** These options keeping the initial entries in {@code cacheDir}. */
  public TestLogOptions withCacheDir(Path cacheDir) {
    return new TestLogOptions(port, entries, growRate, protocols, seed, batchCap, gzip, deletePartialTiles, caWeights, faults, laterFaults,
        Optional.of(cacheDir));
  }

  /** These options with {@code laterFaults} beginning on every log after the start. */
  public TestLogOptions withLaterFaults(List<LaterFault> laterFaults) {
    return new TestLogOptions(port, entries, growRate, protocols, seed, batchCap, gzip, deletePartialTiles, caWeights, faults, laterFaults, cacheDir);
  }

  /** These options with {@code faults} on every log. */
  public TestLogOptions withFaults(List<Fault> faults) {
    return new TestLogOptions(port, entries, growRate, protocols, seed, batchCap, gzip, deletePartialTiles, caWeights, faults, laterFaults, cacheDir);
  }
}
