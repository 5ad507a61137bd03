package org.ctmon.fetcher.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import org.ctmon.fetcher.follow.FetchBudget;
import org.ctmon.fetcher.follow.FollowerConfig;
import org.ctmon.fetcher.follow.FollowerHealth;
import org.ctmon.fetcher.follow.FollowerStatus;
import org.ctmon.fetcher.follow.LogFollower;
import org.ctmon.fetcher.follow.StartPosition;
import org.ctmon.fetcher.http.HttpConfig;
import org.ctmon.fetcher.loglist.CtLog;
import org.ctmon.fetcher.loglist.LogListParser;
import org.ctmon.fetcher.stored.BatchSink;
import org.ctmon.fetcher.stored.StoredJournal;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.ingest.Ingest;
import org.ctmon.store.ingest.IngestBatch;
import org.ctmon.store.ingest.IngestResult;
import org.ctmon.store.log.Logs;

/**
 * The ingesting side as its own JVM, so tests can {@code kill -9} it and measure it: follows every
 * log of a log-list file from the beginning into an H2 database until each is caught up with a
 * verified head, then exits 0.
 *
 * <p>Arguments: {@code LOG_LIST_FILE JDBC_URL [COMMIT_ENTRIES [BATCH_SIZE [PARALLELISM
 * [REQUESTS_PER_SECOND]]]]}; what is left out is the product's default. System
 * property {@code ctmon.follow.heapEvery=N} prints the heap used after a full GC every N committed
 * entries (and at the end).
 *
 * <p>Standard output, one line each, flushed at once (what the parent reads): {@code READY} once
 * the store is open; {@code BEGIN <log> <from> <count>} just before a batch is handed to the store
 * and {@code END <log> <next>} after its commit returned (a kill between the two landed
 * mid-commit); {@code HEAP <entries> <bytes>}; {@code CAUGHT_UP <log> <size>}; {@code DONE
 * <entries> <millis>}.
 */
public final class FollowerProcess {
  private FollowerProcess() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length < 2) {
      System.err.println("usage: FollowerProcess LOG_LIST_FILE JDBC_URL [COMMIT_ENTRIES [BATCH_SIZE [PARALLELISM"
          + " [REQUESTS_PER_SECOND]]]]");
      System.exit(2);
    }
    Path listFile = Path.of(args[0]);
    String url = args[1];
    int commitEntries = args.length > 2 ? Integer.parseInt(args[2]) : FollowerConfig.DEFAULT.commitEntries();
    int batchSize = args.length > 3 ? Integer.parseInt(args[3]) : FollowerConfig.DEFAULT.batchSize();
    int parallelism = args.length > 4 ? Integer.parseInt(args[4]) : FollowerConfig.DEFAULT.parallelism();
    double requestsPerSecond = args.length > 5 ? Double.parseDouble(args[5]) : FollowerConfig.DEFAULT.requestsPerSecond();
    long heapEvery = Long.getLong("ctmon.follow.heapEvery", 0);
    FollowerConfig config = FollowerConfig.DEFAULT.withStartAt(StartPosition.BEGINNING)
        .withFetching(batchSize, parallelism, requestsPerSecond).withCommitEntries(commitEntries);

    List<CtLog> listed = LogListParser.parse(Files.readAllBytes(listFile), listFile.toString()).logs();
    Clock clock = Clock.systemUTC();
    long t0 = System.nanoTime();
    AtomicLong committed = new AtomicLong();
    // The monitor's shape: one pool of fetch.totalParallelism threads, one shared memory budget.
    ExecutorService pool = Executors.newFixedThreadPool(64);
    FetchBudget budget = new FetchBudget(FetchBudget.DEFAULT_BYTES);
    OkHttpClient http = HttpConfig.withContact("ctmon-tests@example.org").newClient();
    String user = System.getProperty("ctmon.follow.dbUser", "");
    String password = System.getProperty("ctmon.follow.dbPassword", "");
    try (Store store = Store.open(StoreConfig.defaults().withDatabase(url, user, password))) {
      Logs logs = new Logs(store.jdbi(), clock);
      Ingest ingest = new Ingest(store.jdbi(), clock, false);
      System.out.println("READY");
      List<LogFollower> followers = new ArrayList<>();
      for (CtLog log : listed) {
        String name = shortName(log);
        BatchSink sink = batch -> commit(name, batch, ingest, committed, heapEvery);
        followers.add(new LogFollower(log, http, new StoredJournal(logs, sink), pool, budget, config, clock));
      }
      List<LogFollower> pending = new ArrayList<>(followers);
      while (!pending.isEmpty()) {
        for (LogFollower f : List.copyOf(pending)) {
          f.runOnce();
          FollowerStatus s = f.status();
          long size = s.latestHead().map(h -> h.treeSize()).orElse(-1L);
          boolean verified = s.verified().map(v -> v.treeSize() == size).orElse(size == 0);
          if (s.health() == FollowerHealth.OK && size >= 0 && s.position() == size && verified) {
            System.out.println("CAUGHT_UP " + shortName(f.log()) + " " + size);
            pending.remove(f);
          } else if (s.health() != FollowerHealth.OK) {
            System.err.println("not caught up yet: " + s);
            Thread.sleep(100); // the child's own pace: a failing follower is asked again, not spun
          }
        }
      }
      if (heapEvery > 0) {
        printHeap(committed.get());
      }
      System.out.println("DONE " + committed.get() + " " + (System.nanoTime() - t0) / 1_000_000);
    } finally {
      pool.shutdownNow();
      http.dispatcher().executorService().shutdownNow();
      http.connectionPool().evictAll();
    }
    System.exit(0);
  }

  private static IngestResult commit(String log, IngestBatch batch, Ingest ingest, AtomicLong committed,
                                     long heapEvery) {
    int n = batch.entries().size() + batch.malformed().size();
    System.out.println("BEGIN " + log + " " + batch.fromIndex() + " " + n);
    IngestResult result = ingest.commit(batch);
    System.out.println("END " + log + " " + (batch.fromIndex() + n));
    long before = committed.getAndAdd(n);
    if (heapEvery > 0 && (before + n) / heapEvery != before / heapEvery) {
      printHeap(before + n);
    }
    return result;
  }

  /** {@code rfc6962-0} for the test log's "ctmon test log rfc6962-0 (rfc 6962)"; one word for any log. */
  public static String shortName(CtLog log) {
    return log.description().replace("ctmon test log ", "").replaceAll(" \\(.*\\)$", "").replace(' ', '_');
  }

  private static void printHeap(long entries) {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    System.out.println("HEAP " + entries + " " + (rt.totalMemory() - rt.freeMemory()));
  }
}
