package org.ctmon.fetcher.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ctmon.fetcher.follow.FetchBudget;
import org.ctmon.fetcher.follow.FollowerConfig;
import org.ctmon.fetcher.follow.FollowerHealth;
import org.ctmon.fetcher.follow.LogFollower;
import org.ctmon.testlog.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToLongFunction;
import okhttp3.OkHttpClient;
import org.ctmon.fetcher.http.HttpConfig;
import org.ctmon.fetcher.loglist.CtLog;
import org.ctmon.fetcher.loglist.LogListParser;
import org.ctmon.fetcher.stored.BatchSink;
import org.ctmon.fetcher.stored.StoredJournal;
import org.ctmon.parser.Sha256;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.ingest.Ingest;
import org.ctmon.store.ingest.IngestBatch;
import org.ctmon.store.log.Logs;
import org.ctmon.testlog.ManualClock;
import org.ctmon.testlog.TestLogOptions;
import org.ctmon.testlog.TestLogServer;
import org.ctmon.testlog.fault.Fault;
import org.ctmon.testlog.log.TestLog;
import org.ctmon.testlog.pki.TestIssuance;
import org.ctmon.testlog.pki.TestPki;

/**
 * A test log server over real HTTP, an H2 file store in a temporary directory, a shared worker pool
 * and a fake clock for the followers, plus queries of what the store holds.
 */
public final class FollowerHarness implements AutoCloseable {
  /** One PKI for the whole run: its keys take seconds to make. */
  public static final TestPki PKI = TestPki.create(6962);

  public final TestLogServer server;
  public final Store store;
  public final Logs logs;
  public final Ingest ingest;
  public final ExecutorService pool = Executors.newFixedThreadPool(4);
  public final OkHttpClient http = HttpConfig.withContact("ctmon-tests@example.org").newClient();
  /** Shared by every follower of the harness, as the monitor shares one. */
  public final FetchBudget budget = new FetchBudget(FetchBudget.DEFAULT_BYTES);
  public final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T12:00:00Z"));
  /** Every issuance the test log issued since the start (the log's own record). */
  public final List<TestIssuance> issued = new ArrayList<>();

  /** A harness whose logs start empty: everything they hold is issued by {@link #grow} and recorded. */
  public FollowerHarness(Path dir, TestLogOptions options) {
    this(options.withEntries(0), dir);
  }

  /** A harness whose logs start with {@code options.entries()} entries, not recorded in {@link #issued}. */
  public static FollowerHarness prefilled(Path dir, TestLogOptions options) {
    return new FollowerHarness(options, dir);
  }

  private FollowerHarness(TestLogOptions options, Path dir) {
    server = TestLogServer.start(options, PKI, Clock.systemUTC());
    store = Store.open(StoreConfig.defaults().withDatabase("jdbc:h2:file:" + dir.resolve("ctmon"), "", ""));
    logs = new Logs(store.jdbi(), clock);
    ingest = new Ingest(store.jdbi(), clock, false);
  }

  /** Issues {@code n} more issuances into the logs and publishes new heads. */
  public List<TestIssuance> grow(int n) {
    List<TestIssuance> more = server.grow(n);
    issued.addAll(more);
    server.publish();
    return more;
  }

  public TestLog testLog(String name) {
    return server.log(name);
  }

  /** The log as a monitor reads it from the server's Chrome v3 list. */
  public CtLog ctLog(String name) {
    Sha256 id = server.log(name).logKey().logId();
    return LogListParser.parse(server.logListJson().getBytes(StandardCharsets.UTF_8), "test log list")
        .log(id).orElseThrow();
  }

  public LogFollower follower(String name, FollowerConfig config) {
    return follower(name, config, ingest::commit);
  }

  public LogFollower follower(String name, FollowerConfig config, BatchSink sink) {
    return follower(name, config, sink, http);
  }

  public LogFollower follower(String name, FollowerConfig config, BatchSink sink, OkHttpClient client) {
    return new LogFollower(ctLog(name), client, new StoredJournal(logs, sink), pool, budget, config, clock, new SplittableRandom(1),
        d -> clock.advance(d));
  }

  /** A follower on the real clock, sharing {@code sharedBudget}: for followers running at once. */
  public LogFollower realTimeFollower(String name, FollowerConfig config, FetchBudget sharedBudget) {
    return new LogFollower(ctLog(name), http, new StoredJournal(logs, ingest::commit), pool, sharedBudget, config, Clock.systemUTC());
  }

  public Sha256 logId(String name) {
    return server.log(name).logKey().logId();
  }

  /** Stored entries of the log: count, distinct indices, min and max index. */
  public long[] entryStats(String name) {
    return store.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*), COUNT(DISTINCT e.entry_index),"
            + " COALESCE(MIN(e.entry_index), -1), COALESCE(MAX(e.entry_index), -1)"
            + " FROM log_entries e JOIN logs l ON l.id = e.log WHERE l.log_id = :id")
        .bind("id", logId(name).bytes())
        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
        .one());
  }

  public long malformedCount(String name) {
    return store.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM malformed_entries m"
            + " JOIN logs l ON l.id = m.log WHERE l.log_id = :id")
        .bind("id", logId(name).bytes())
        .mapTo(Long.class)
        .one());
  }

  public long issuanceCount() {
    return store.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM issuances").mapTo(Long.class).one());
  }

  public Set<Sha256> storedTbs() {
    return new HashSet<>(store.jdbi().withHandle(h -> h.createQuery("SELECT tbs_sha256 FROM issuances")
        .map((rs, ctx) -> Sha256.wrap(rs.getBytes(1)))
        .list()));
  }

  public Set<Sha256> issuedTbs() {
    Set<Sha256> out = new HashSet<>();
    for (TestIssuance i : issued) {
      out.add(i.tbsSha256());
    }
    return out;
  }

  /**
   * Runs the follower of {@code name} once while the log turns to a split view right after the
   * first batch is committed (from the index {@code splitAt} gives for that batch on), checks that
   * the follower stopped on the root mismatch and stored it with both heads as evidence, and
   * returns where each committed batch ended.
   */
  public List<Long> runIntoSplitView(String name, FollowerConfig config, ToLongFunction<IngestBatch> splitAt) {
    TestLog log = testLog(name);
    long size = log.publishedSize();
    List<Long> ends = new ArrayList<>();
    LogFollower f = follower(name, config, b -> {
      var r = ingest.commit(b);
      if (ends.isEmpty()) {
        log.faults().add(new Fault.SplitView(splitAt.applyAsLong(b)));
      }
      ends.add(b.position().nextIndex());
      return r;
    });
    f.runOnce();
    assertEquals(FollowerHealth.STOPPED, f.status().health(), () -> f.status().toString());
    assertTrue(f.status().lastError().orElseThrow().startsWith("entries 0-" + (size - 1) + " of "
        + server.prefix(log) + " hash to root "), f.status().lastError().orElseThrow());
    assertEquals(List.of("root_mismatch b"), incidents(name));
    return ends;
  }

  /** The incidents of the log: kind, and whether head a and head b are set. */
  public List<String> incidents(String name) {
    return store.jdbi().withHandle(h -> h.createQuery("SELECT i.kind, i.head_a, i.head_b FROM log_incidents i"
            + " JOIN logs l ON l.id = i.log WHERE l.log_id = :id ORDER BY i.id")
        .bind("id", logId(name).bytes())
        .map((rs, ctx) -> rs.getString(1) + (rs.getObject(2) == null ? "" : " a") + (rs.getObject(3) == null ? "" : " b"))
        .list());
  }

  @Override
  public void close() {
    pool.shutdownNow();
    server.close();
    store.close();
  }
}
