package org.ctmon.store.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.ctmon.parser.Sha256;
import org.ctmon.store.H2FileCompaction;
import org.ctmon.store.Store;
import org.ctmon.store.TestDatabase;
import org.ctmon.store.ingest.Ingest;
import org.ctmon.store.ingest.IngestBatch;
import org.ctmon.store.ingest.Issuance;
import org.ctmon.store.ingest.LogEntryRecord;
import org.ctmon.store.ingest.TestIssuances;
import org.ctmon.store.issuance.Criterion;
import org.ctmon.store.issuance.EntryType;
import org.ctmon.store.issuance.IssuanceQuery;
import org.ctmon.store.issuance.IssuanceSearch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ingest throughput and search latency, printed, not asserted. Run with
 * {@code mvn -Pbench test -pl store -am} and {@code -Dctmon.bench.names=N} (default 5,000,000
 * names, about three per issuance) and {@code -Dctmon.bench.batch=B} (default 1024 entries per
 * batch, a typical get-entries or tile size) and {@code -Dctmon.bench.writers=2} (two logs ingested at
 * once, each by its own thread). On H2 it prints the file's size after ingest; {@code
 * -Dctmon.bench.idleSeconds=N} prints it again every 10 s of idling and {@code
 * -Dctmon.bench.compact=true} compacts the file at the end, to show how much of it is live.
 */
@Tag("bench")
final class StoreBenchmarkTest {
  private static final long NAMES = Long.getLong("ctmon.bench.names", 5_000_000L);
  private static final int BATCH = Integer.getInteger("ctmon.bench.batch", 1024);
  private static final int QUERIES = Integer.getInteger("ctmon.bench.queries", 2000);
  /** Logs ingested at once, each by its own thread and connection, as a monitor following several logs does (1 or 2). */
  private static final int WRITERS = Integer.getInteger("ctmon.bench.writers", 1);

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.ctmon.store.TestDatabase#both")
  void ingestsAndSearchesRealisticNames(TestDatabase db) throws Exception {
    String only = System.getProperty("ctmon.bench.db", "both");
    Assumptions.assumeTrue(only.equals("both") || only.equalsIgnoreCase(db.name()),
        "ctmon.bench.db=" + only);
    List<String> corpus = BenchNames.corpusDomains(Path.of(System.getProperty("ctmon.corpus", "../../shared/corpus")));
    long issuances = NAMES / 3;
    BenchNames gen = new BenchNames(42, (int) Math.max(1000, issuances / 4), corpus);
    if (WRITERS < 1 || WRITERS > 2) {
      throw new IllegalArgumentException("ctmon.bench.writers must be 1 or 2 (the test logs registered)");
    }
    System.out.printf("bench %s: %d corpus domains, %d issuances (~%d names), batches of %d, %d log(s) at once%n", db,
        corpus.size(), issuances, NAMES, BATCH, WRITERS);
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      // An experiment, never a configuration: which indexes the ingest rate pays for.
      for (String index : System.getProperty("ctmon.bench.dropIndexes", "").split(",")) {
        if (!index.isBlank()) {
          s.jdbi().useHandle(h -> h.execute("DROP INDEX " + index.strip()));
          System.out.printf("bench %s: dropped index %s%n", db, index.strip());
        }
      }
      Ingest ingest = new Ingest(s.jdbi(), Clock.systemUTC(), false);
      Random pick = new Random(7);
      List<String> sampleNames = new ArrayList<>();
      List<String> sampleDomains = new ArrayList<>();
      List<String> sampleIndexes = new ArrayList<>();
      long[] names = {0};
      // Batches are built on their own thread, as the monitor decodes entries on worker threads
      // while one thread commits: the figure is the store's, not the generator's.
      BlockingQueue<IngestBatch> built = new ArrayBlockingQueue<>(8);
      AtomicReference<Throwable> generatorFailure = new AtomicReference<>();
      Thread generator = new Thread(() -> {
        long[] logNext = new long[WRITERS];
        try {
          for (long index = 0; index < issuances; ) {
            int n = (int) Math.min(BATCH, issuances - index);
            int w = (int) ((index / BATCH) % WRITERS);
            List<Issuance> batch = new ArrayList<>(n);
            List<LogEntryRecord> entries = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
              long idx = index + i;
              String domain = gen.nextDomain();
              List<String> dns = gen.namesFor(domain);
              names[0] += dns.size();
              if (pick.nextInt(2000) == 0) {
                sampleNames.add(dns.get(pick.nextInt(dns.size())));
                sampleDomains.add(domain);
                sampleIndexes.add(Long.toString(idx));
              }
              Issuance is = issuance(idx, dns);
              batch.add(is);
              entries.add(new LogEntryRecord(logNext[w] + i, idx % 2 == 0 ? EntryType.PRECERT : EntryType.X509,
                  TestIssuances.T0 + idx, is.tbsSha256()));
            }
            built.put(new IngestBatch(w == 0 ? TestIssuances.LOG_A : TestIssuances.LOG_B, logNext[w], batch,
                entries, List.of(), TestIssuances.position(logNext[w] + n), Optional.empty()));
            logNext[w] += n;
            index += n;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
          generatorFailure.set(e); // the committing loop stops waiting for batches and rethrows it
        }
      }, "bench-batches");
      generator.setDaemon(true);
      generator.start();
      var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpuStart = os.getProcessCpuTime();
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long threadCpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      long windowStart = start;
      long index = 0;
      Future<?>[] pending = new Future<?>[WRITERS];
      List<ExecutorService> writers = new ArrayList<>();
      for (int k = 0; k < WRITERS; k++) {
        writers.add(Executors.newSingleThreadExecutor());
      }
      try {
        while (index < issuances) {
          IngestBatch b = built.poll(1, TimeUnit.SECONDS);
          if (b == null) {
            if (generatorFailure.get() != null) {
              throw new AssertionError("the batch generator failed", generatorFailure.get());
            }
            continue;
          }
          int n = b.issuances().size();
          int w = (int) ((index / BATCH) % WRITERS);
          if (WRITERS == 1) {
            ingest.commit(b);
          } else {
            if (pending[w] != null) {
              pending[w].get(); // this log's previous batch first: batches of one log commit in order
            }
            pending[w] = writers.get(w).submit(() -> ingest.commit(b));
          }
          index += n;
          if (index % (BATCH * 200L) < BATCH) {
            long now = System.nanoTime();
            System.out.printf("bench %s: %d issuances, %.0f issuances/s overall, %.0f/s last window%n", db, index,
                index / ((now - start) / 1e9), (BATCH * 200.0) / ((now - windowStart) / 1e9));
            windowStart = now;
          }
        }
        generator.join();
      } finally {
        generator.interrupt(); // a failed commit leaves it waiting to hand over a batch
      }
      for (int k = 0; k < WRITERS; k++) {
        if (pending[k] != null) {
          pending[k].get();
        }
        writers.get(k).shutdown();
      }
      double secs = (System.nanoTime() - start) / 1e9;
      double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
      double committing = (threads.getCurrentThreadCpuTime() - threadCpuStart) / 1e9;
      System.out.printf("bench %s: ingested %d issuances with %d names in %.1f s: %.0f issuances/s"
              + " (this JVM used %.1f CPU-s, the batch generator and GC included: %.0f issuances per CPU-second;%s"
              + " load average %.1f)%n", db, issuances, names[0], secs, issuances / secs, cpu, issuances / cpu,
          WRITERS == 1 ? String.format(" the committing thread %.1f CPU-s;", committing) : "",
          os.getSystemLoadAverage());

      printH2FileSize(s, db + " after ingest");
      for (int i = 0; i < Integer.getInteger("ctmon.bench.idleSeconds", 0) / 10; i++) {
        Thread.sleep(10_000); // the measured behaviour: what an idle database file does over time
        printH2FileSize(s, db + " idle " + (i + 1) * 10 + " s");
      }
      IssuanceSearch search = new IssuanceSearch(s.jdbi());
      Instant now = Instant.parse("2026-02-01T00:00:00Z");
      measure(db + " exact", search, sampleNames, q -> new Criterion.Name(q, false), now);
      measure(db + " subdomains", search, sampleDomains, q -> new Criterion.Name(q, true), now);
      measure(db + " subdomains unexpired", search, sampleDomains, q -> new Criterion.Name(q, true), now, true);
      measure(db + " key hash", search, sampleIndexes,
          q -> new Criterion.Spki(issuance(Long.parseLong(q), List.of("x")).spkiSha256()), now);
      measure(db + " serial", search, sampleIndexes,
          q -> new Criterion.Serial(issuance(Long.parseLong(q), List.of("x")).serialHex()), now);
      measureTbsLookUp(db.toString(), search, sampleIndexes);
      if (db == TestDatabase.H2 && Boolean.getBoolean("ctmon.bench.compact")) {
        Path file = H2FileCompaction.measure(s.jdbi()).orElseThrow().file();
        long t0 = System.nanoTime();
        try {
          s.jdbi().useHandle(h -> h.execute("SHUTDOWN COMPACT"));
        } catch (RuntimeException closedUnderUs) {
          // SHUTDOWN closes the database under the pooled connection, which then fails to close.
        }
        System.out.printf("bench %s: SHUTDOWN COMPACT took %.1f s, file now %.1f MB%n", db, (System.nanoTime() - t0) / 1e9,
            Files.size(file) / 1e6);
      }
    }
  }

  /** The H2 file's size, which MVStore grows by appending every commit's pages. */
  private static void printH2FileSize(Store s, String label) {
    H2FileCompaction.measure(s.jdbi()).ifPresent(u -> {
      String info = s.jdbi().withHandle(h -> h.createQuery(
          "SELECT setting_name || '=' || setting_value FROM information_schema.settings WHERE setting_name LIKE 'info.%'")
          .mapTo(String.class).list()).toString();
      System.out.printf("bench %s: H2 file %.1f MB, at most %d%% live %s%n", label, u.bytes() / 1e6, u.livePercent(), info);
    });
  }

  private static void measure(String label, IssuanceSearch search, List<String> sample,
                              Function<String, Criterion> criterion, Instant now) {
    measure(label, search, sample, criterion, now, false);
  }

  /** Latency of one kind of search: 200 warm-up queries, then {@code ctmon.bench.queries} timed ones. */
  static void measure(String label, IssuanceSearch search, List<String> sample,
                      Function<String, Criterion> criterion, Instant now,
                      boolean unexpired) {
    Random r = new Random(11);
    for (int i = 0; i < 200; i++) { // warm-up
      IssuanceQuery q = IssuanceQuery.of(criterion.apply(sample.get(r.nextInt(sample.size()))), now);
      search.search(unexpired ? q.unexpiredOnly() : q, Optional.empty(), 100);
    }
    long[] nanos = new long[QUERIES];
    long rows = 0;
    for (int i = 0; i < QUERIES; i++) {
      IssuanceQuery q = IssuanceQuery.of(criterion.apply(sample.get(r.nextInt(sample.size()))), now);
      long t0 = System.nanoTime();
      rows += search.search(unexpired ? q.unexpiredOnly() : q, Optional.empty(), 100).items().size();
      nanos[i] = System.nanoTime() - t0;
    }
    Arrays.sort(nanos);
    System.out.printf("bench %s search (first page of 100, %d queries, %.1f rows avg): p50 %.2f ms, p95 %.2f ms,"
            + " p99 %.2f ms, max %.2f ms%n", label, QUERIES, rows / (double) QUERIES, nanos[QUERIES / 2] / 1e6,
        nanos[QUERIES * 95 / 100] / 1e6, nanos[QUERIES * 99 / 100] / 1e6, nanos[QUERIES - 1] / 1e6);
  }

  /** Latency of {@code GET /api/v1/certs/{tbs}}'s look-up: the issuance, its names and entries. */
  private static void measureTbsLookUp(String db, IssuanceSearch search, List<String> sampleIndexes) {
    Random r = new Random(13);
    for (int i = 0; i < 200; i++) { // warm-up
      search.byTbs(issuance(Long.parseLong(sampleIndexes.get(r.nextInt(sampleIndexes.size()))), List.of("x")).tbsSha256());
    }
    long[] nanos = new long[QUERIES];
    int found = 0;
    for (int i = 0; i < QUERIES; i++) {
      Sha256 tbs = issuance(Long.parseLong(sampleIndexes.get(r.nextInt(sampleIndexes.size()))), List.of("x")).tbsSha256();
      long t0 = System.nanoTime();
      found += search.byTbs(tbs).isPresent() ? 1 : 0;
      nanos[i] = System.nanoTime() - t0;
    }
    Arrays.sort(nanos);
    System.out.printf("bench %s certificate by TBS hash (%d look-ups, %d found): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms,"
            + " max %.2f ms%n", db, QUERIES, found, nanos[QUERIES / 2] / 1e6, nanos[QUERIES * 95 / 100] / 1e6,
        nanos[QUERIES * 99 / 100] / 1e6, nanos[QUERIES - 1] / 1e6);
  }

  private static Issuance issuance(long idx, List<String> dns) {
    byte[] seed = ("bench " + idx).getBytes(StandardCharsets.UTF_8);
    Sha256 tbs = Sha256.of(seed);
    boolean precert = idx % 2 == 0;
    // Validity the way a busy log (100 entries/s) sees it: 60% Let's Encrypt-like (notBefore an hour
    // before logging, 90 days), 15% notBefore at midnight of the day (one year), the rest anywhere
    // in the day before logging (one week to 13 months).
    long logged = TestIssuances.T0 + idx * 10;
    int kind = (tbs.bytes()[0] & 0xff) % 20;
    int jitter = ((tbs.bytes()[1] & 0xff) << 16) | ((tbs.bytes()[2] & 0xff) << 8) | (tbs.bytes()[3] & 0xff);
    long nb;
    long days;
    if (kind < 12) {
      nb = logged - 3_600_000L - jitter % 10_000;
      days = 90;
    } else if (kind < 15) {
      nb = logged - logged % 86_400_000L;
      days = 365;
    } else {
      nb = logged - jitter % 86_400_000L;
      days = 7 + jitter % 390;
    }
    Instant notBefore = Instant.ofEpochMilli(nb);
    return new Issuance(tbs, Sha256.of(tbs.bytes()), "CN=R11,O=Let's Encrypt,C=US", idx % 3 == 0 ? "E6" : "R11",
        "Let's Encrypt", "CN=" + dns.get(0), Long.toHexString(idx * 0x9E3779B97F4A7C15L), notBefore,
        notBefore.plusSeconds(days * 86400), Sha256.of(tbs.bytes()), idx % 3 == 0 ? "EC-P256" : "RSA-2048", false,
        precert, dns, List.of(), null);
  }
}
