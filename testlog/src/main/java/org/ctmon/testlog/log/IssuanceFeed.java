package org.ctmon.testlog.log;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.ctmon.parser.Sha256;
import org.ctmon.testlog.pki.IssuanceRequest;
import org.ctmon.testlog.pki.IssuanceStream;
import org.ctmon.testlog.pki.Sct;
import org.ctmon.testlog.pki.TestIssuance;
import org.ctmon.testlog.pki.TestLogKey;
import org.ctmon.testlog.pki.TestPki;

/**
 * Logs issuances into test logs the way CAs do, so a monitor must deduplicate across logs and
 * across precertificate and final certificate:
 *
 * <pre>
 *   issuance with SCTs from logs A and B ─┬─ precert entry ─> A (at A's SCT timestamp)
 *                                          ├─ precert entry ─> B (at B's SCT timestamp)
 *                                          └─ final cert    ─> A or B (2 s later; chosen by serial)
 *   plain issuance (no SCTs)  ───────────────  final cert    ─> one log (chosen by serial)
 * </pre>
 *
 * Precert entries sit at their SCT's timestamp, and a static log's SCT carries the leaf_index
 * extension of the precert entry, so the SCTs embedded in final certificates verify against the
 * logs' entries. (The indexes are worked out before issuing; entries appended meanwhile by others,
 * add-chain or a {@link org.ctmon.testlog.fault.Fault.DamagedEntries} fault, shift them.) Deterministic: the same stream and logs
 * give the same entries in the same order. Thread-safe (one issuing call at a time).
 */
public final class IssuanceFeed {
  /** Milliseconds between a precertificate's SCTs and the logging of its final certificate. */
  static final long FINAL_DELAY_MILLIS = 2000;
  private static final int CHUNK = 2048;

  private final TestPki pki;
  private final IssuanceStream stream;
  private final List<TestLog> logs;
  private final Map<Sha256, TestLog> byLogId = new HashMap<>();
  private long issued;

  /**
   * A feed from {@code stream} (issuing from {@code pki}) into {@code logs}; the stream's SCT logs
   * must be among them (by key).
   */
  public IssuanceFeed(TestPki pki, IssuanceStream stream, List<TestLog> logs) {
    if (logs.isEmpty()) {
      throw new IllegalArgumentException("an issuance feed needs at least one log");
    }
    this.pki = pki;
    this.stream = stream;
    this.logs = List.copyOf(logs);
    for (TestLog log : logs) {
      byLogId.put(log.key().logId(), log);
    }
  }

  /** The logs fed. */
  public List<TestLog> logs() {
    return logs;
  }

  /** Issues {@code count} issuances (in parallel, in chunks) and logs them in order; returns them. */
  public synchronized List<TestIssuance> issue(int count) {
    List<TestIssuance> all = new ArrayList<>(count);
    for (int done = 0; done < count; ) {
      int n = Math.min(CHUNK, count - done);
      List<TestIssuance> batch = nextBatch(n);
      batch.forEach(this::log);
      all.addAll(batch);
      done += n;
    }
    return all;
  }

  /**
   * The next {@code n} issuances, issued in parallel, each static log's SCT carrying the leaf_index
   * its precert entry will get: the indexes follow from the logs' sizes and {@link #log}'s order.
   */
  private List<TestIssuance> nextBatch(int n) {
    List<IssuanceRequest> requests = new ArrayList<>(n);
    List<Map<TestLogKey, byte[]>> extensions = new ArrayList<>(n);
    Map<TestLog, Long> next = new HashMap<>();
    logs.forEach(l -> next.put(l, l.appendedSize()));
    for (int i = 0; i < n; i++) {
      IssuanceRequest r = stream.nextRequest();
      requests.add(r);
      Map<TestLogKey, byte[]> ext = new HashMap<>();
      if (r.logs().isEmpty()) {
        next.merge(plainLog(r), 1L, Long::sum);
      } else {
        for (TestLogKey key : r.logs()) {
          TestLog log = logFor(key.logId());
          long index = next.merge(log, 1L, Long::sum) - 1;
          if (log.protocol() == LogProtocol.STATIC) {
            ext.put(key, LoggedEntry.leafIndexExtension(index));
          }
        }
        next.merge(logFor(r.logs().get(finalPick(r, r.logs().size())).logId()), 1L, Long::sum);
      }
      extensions.add(ext);
    }
    return IntStream.range(0, n).parallel().mapToObj(i -> pki.issue(requests.get(i), extensions.get(i))).toList();
  }

  private TestLog plainLog(IssuanceRequest r) {
    return logs.get(finalPick(r, logs.size()));
  }

  /** Which of {@code n} candidates gets the final certificate: a function of the serial. */
  private static int finalPick(IssuanceRequest r, int n) {
    return (int) ((r.serial().longValue() & Long.MAX_VALUE) % n);
  }

  /**
   * Issues until every log has at least {@code entries} appended entries; returns the number of
   * issuances. Issuances are drawn in chunks, so logs end up a little above {@code entries}.
   */
  public long fillTo(long entries) {
    return fillTo(entries, 64);
  }

  /**
   * As {@link #fillTo(long)}, drawing at least {@code leastDraw} issuances at a time: 64 for a
   * fast fill, 1 for a log growing a few entries a second (a draw of 64 would make it grow by a
   * hundred entries at once and then stand still for a minute).
   */
  public synchronized long fillTo(long entries, int leastDraw) {
    long before = issued;
    while (logs.stream().mapToLong(TestLog::appendedSize).min().orElse(0) < entries) {
      long missing = entries - logs.stream().mapToLong(TestLog::appendedSize).min().orElse(0);
      // About 1.4 entries per log per issuance with two logs.
      issue((int) Math.min(CHUNK * 8L, Math.max(leastDraw, missing * 3 / 4)));
    }
    return issued - before;
  }

  /** Logs one issuance (from this feed's stream or made by hand) into the logs. */
  public synchronized void log(TestIssuance issuance) {
    issued++;
    List<Sct> scts = issuance.scts();
    if (issuance.precert().isEmpty() || scts.isEmpty()) {
      plainLog(issuance.request()).append(issuance.x509(), issuance.request().loggedAt().toEpochMilli());
      return;
    }
    long last = 0;
    for (Sct sct : scts) {
      logFor(sct.logId()).append(issuance.precert().get(), sct.timestamp());
      last = Math.max(last, sct.timestamp());
    }
    logFor(scts.get(finalPick(issuance.request(), scts.size())).logId()).append(issuance.x509(), last + FINAL_DELAY_MILLIS);
  }

  private TestLog logFor(Sha256 logId) {
    TestLog log = byLogId.get(logId);
    if (log == null) {
      throw new IllegalArgumentException("an sct names log " + logId + ", which this feed does not feed");
    }
    return log;
  }

  /**
   * Advances the stream past {@code issuances} issuances without issuing them, after their entries
   * were restored from an {@link EntryCache}: later issuances are then the same as without the cache.
   */
  public synchronized void skip(long issuances) {
    for (long i = 0; i < issuances; i++) {
      stream.nextRequest();
    }
    issued += issuances;
  }

  /** Issuances logged so far. */
  public synchronized long issued() {
    return issued;
  }
}
