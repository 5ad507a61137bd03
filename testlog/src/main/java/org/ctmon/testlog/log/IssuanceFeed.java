package org.ctmon.testlog.log;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ctmon.parser.Sha256;
import org.ctmon.testlog.pki.Issuance;
import org.ctmon.testlog.pki.IssuanceStream;
import org.ctmon.testlog.pki.Sct;

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
 * Precert entries sit at their SCT's timestamp, so the SCTs embedded in the final certificate
 * verify against RFC 6962 logs' entries (a static log's entry also carries a leaf_index extension
 * the embedded SCT did not sign: see the module report). Deterministic: the same stream and logs
 * give the same entries in the same order. Thread-safe (one issuing call at a time).
 */
public final class IssuanceFeed {
  /** Milliseconds between a precertificate's SCTs and the logging of its final certificate. */
  static final long FINAL_DELAY_MILLIS = 2000;
  private static final int CHUNK = 2048;

  private final IssuanceStream stream;
  private final List<TestLog> logs;
  private final Map<Sha256, TestLog> byLogId = new HashMap<>();
  private long issued;

  /** A feed from {@code stream} into {@code logs}; the stream's SCT logs must be among them. */
  public IssuanceFeed(IssuanceStream stream, List<TestLog> logs) {
    if (logs.isEmpty()) {
      throw new IllegalArgumentException("an issuance feed needs at least one log");
    }
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
  public synchronized List<Issuance> issue(int count) {
    List<Issuance> all = new java.util.ArrayList<>(count);
    for (int done = 0; done < count; ) {
      int n = Math.min(CHUNK, count - done);
      List<Issuance> batch = stream.next(n);
      batch.forEach(this::log);
      all.addAll(batch);
      done += n;
    }
    return all;
  }

  /**
   * Issues until every log has at least {@code entries} appended entries; returns the number of
   * issuances. Issuances are drawn in chunks, so logs end up a little above {@code entries}.
   */
  public synchronized long fillTo(long entries) {
    long before = issued;
    while (logs.stream().mapToLong(TestLog::appendedSize).min().orElse(0) < entries) {
      long missing = entries - logs.stream().mapToLong(TestLog::appendedSize).min().orElse(0);
      // About 1.4 entries per log per issuance with two logs; never draw fewer than 64 at once.
      issue((int) Math.min(CHUNK * 8L, Math.max(64, missing * 3 / 4)));
    }
    return issued - before;
  }

  /** Logs one issuance (from this feed's stream or made by hand) into the logs. */
  public synchronized void log(Issuance issuance) {
    issued++;
    long serialPick = issuance.request().serial().longValue() & Long.MAX_VALUE;
    List<Sct> scts = issuance.scts();
    if (issuance.precert().isEmpty() || scts.isEmpty()) {
      TestLog log = logs.get((int) (serialPick % logs.size()));
      log.append(issuance.x509(), issuance.request().loggedAt().toEpochMilli());
      return;
    }
    long last = 0;
    for (Sct sct : scts) {
      TestLog log = logFor(sct);
      log.append(issuance.precert().get(), sct.timestamp());
      last = Math.max(last, sct.timestamp());
    }
    TestLog finalLog = logFor(scts.get((int) (serialPick % scts.size())));
    finalLog.append(issuance.x509(), last + FINAL_DELAY_MILLIS);
  }

  private TestLog logFor(Sct sct) {
    TestLog log = byLogId.get(sct.logId());
    if (log == null) {
      throw new IllegalArgumentException("an sct names log " + sct.logId() + ", which this feed does not feed");
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
