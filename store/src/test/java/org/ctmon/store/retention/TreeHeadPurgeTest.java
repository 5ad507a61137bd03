package org.ctmon.store.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.store.OnBothDatabases;
import org.ctmon.store.Store;
import org.ctmon.store.TestDatabase;
import org.ctmon.store.ingest.Ingest;
import org.ctmon.store.ingest.IngestBatch;
import org.ctmon.store.ingest.TestIssuances;
import org.ctmon.parser.treehead.TreeHead;
import org.ctmon.store.log.IncidentKind;
import org.ctmon.store.log.Logs;
import org.ctmon.store.log.ServedTreeHead;

final class TreeHeadPurgeTest {
  private static final long DAY = 86_400_000L;

  private static ServedTreeHead head(long size, long receivedAt) {
    return new ServedTreeHead(new TreeHead(size, 1_000 + size, TestIssuances.sha("root " + size)),
        OpaqueBytes.of(new byte[] {7}),
        true, receivedAt);
  }

  @OnBothDatabases
  void oldHeadsGoButIncidentEvidenceTheVerifiedHeadAndRecentHeadsStay(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      long now = TestIssuances.T0 + 10 * DAY;
      Logs logs = new Logs(s.jdbi(), Clock.fixed(Instant.ofEpochMilli(now), ZoneOffset.UTC));
      logs.recordTreeHead(TestIssuances.LOG_A, head(5, now - 3 * DAY)); // plain, old: goes
      logs.recordTreeHead(TestIssuances.LOG_B, head(6, now - 3 * DAY)); // another log's, old: goes
      long evidenceA = logs.recordTreeHead(TestIssuances.LOG_A, head(7, now - 3 * DAY));
      long evidenceB = logs.recordTreeHead(TestIssuances.LOG_A, head(8, now - 3 * DAY));
      long verified = logs.recordTreeHead(TestIssuances.LOG_A, head(9, now - 3 * DAY));
      long recent = logs.recordTreeHead(TestIssuances.LOG_A, head(10, now - DAY / 2));
      logs.recordIncident(TestIssuances.LOG_A, IncidentKind.SPLIT_VIEW, "heads 7 and 8 disagree", evidenceA, evidenceB);
      ServedTreeHead v = head(9, 0);
      IngestBatch b = TestIssuances.batch(TestIssuances.LOG_A, 0, List.of(TestIssuances.issuance("one", "a.example")));
      new Ingest(s.jdbi(), Clock.systemUTC(), false).commit(new IngestBatch(b.logId(), 0, b.issuances(), b.entries(),
          List.of(), b.position(), Optional.of(v.head())));

      long deleted = new TreeHeadPurge(s.jdbi(), Clock.fixed(Instant.ofEpochMilli(now), ZoneOffset.UTC),
          Duration.ofDays(1), 1).purge();

      assertEquals(2, deleted);
      List<Long> left = s.jdbi().withHandle(h -> h.createQuery("SELECT id FROM tree_heads ORDER BY id")
          .mapTo(Long.class).list());
      assertEquals(List.of(evidenceA, evidenceB, verified, recent), left);
    }
  }

  /**
   * A read-only log serves one head for ever: each poll records it again while the purge deletes
   * it as old. Recording must still return the id of a head that is on record.
   */
  @OnBothDatabases
  void recordingAnOldHeadAgainWhileThePurgeDeletesItStillReturnsTheIdOfAStoredHead(TestDatabase db)
      throws Exception {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      long now = TestIssuances.T0 + 10 * DAY;
      Clock clock = Clock.fixed(Instant.ofEpochMilli(now), ZoneOffset.UTC);
      Logs logs = new Logs(s.jdbi(), clock);
      TreeHeadPurge purge = new TreeHeadPurge(s.jdbi(), clock, Duration.ofDays(1), 100);
      AtomicBoolean recording = new AtomicBoolean(true);
      AtomicLong purged = new AtomicLong();
      Thread purger = new Thread(() -> {
        while (recording.get()) {
          purged.addAndGet(purge.purge());
        }
      });
      purger.start();
      try {
        for (int i = 0; i < 400; i++) {
          long id = logs.recordTreeHead(TestIssuances.LOG_A, head(5, now - 3 * DAY));
          assertTrue(id > 0);
        }
      } finally {
        recording.set(false);
        purger.join();
      }
      assertTrue(purged.get() > 0, "the purge deleted the old head while it was being recorded");
    }
  }
}
