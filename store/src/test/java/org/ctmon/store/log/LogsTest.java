package org.ctmon.store.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.ctmon.parser.Der;
import org.ctmon.parser.treehead.TreeHead;
import org.ctmon.store.OnBothDatabases;
import org.ctmon.store.Store;
import org.ctmon.store.StoreException;
import org.ctmon.store.TableSnapshot;
import org.ctmon.store.TestDatabase;
import org.ctmon.store.ingest.TestIssuances;

final class LogsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC);

  @OnBothDatabases
  void registeringAgainUpdatesTheDescriptionButNeverThePosition(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      new org.ctmon.store.ingest.Ingest(s.jdbi(), CLOCK, false).commit(TestIssuances.batch(TestIssuances.LOG_A, 0,
          List.of(TestIssuances.issuance("one", "example.com"))));
      Logs logs = new Logs(s.jdbi(), CLOCK);
      LogSpec retired = new LogSpec(TestIssuances.LOG_A, Der.of(new byte[] {0x30, 0x00}), "Test Log A (retired)",
          "Test Operator", LogKind.RFC6962, "https://a.example/", null, "retired", 86400);

      logs.register(retired);

      LogState state = logs.state(TestIssuances.LOG_A).orElseThrow();
      assertEquals(retired, state.spec());
      assertEquals(1, state.nextIndex());
      assertEquals(2, logs.all().size());
      assertEquals(Optional.empty(), logs.state(TestIssuances.sha("unknown")));
    }
  }

  @OnBothDatabases
  void treeHeadsAreKeptOnceAndIncidentsPointAtThem(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      Logs logs = new Logs(s.jdbi(), CLOCK);
      ServedTreeHead a = new ServedTreeHead(new TreeHead(10, 1000, TestIssuances.sha("root a")),
          org.ctmon.parser.OpaqueBytes.of(new byte[] {1, 2}), true, 5);
      ServedTreeHead b = new ServedTreeHead(new TreeHead(10, 1000, TestIssuances.sha("root b")),
          org.ctmon.parser.OpaqueBytes.of(new byte[] {3}), true, 6);

      long ida = logs.recordTreeHead(TestIssuances.LOG_A, a);
      long again = logs.recordTreeHead(TestIssuances.LOG_A, a);
      long idb = logs.recordTreeHead(TestIssuances.LOG_A, b);
      logs.recordIncident(TestIssuances.LOG_A, IncidentKind.SPLIT_VIEW, "two roots for tree size 10", ida, idb);
      logs.setStatus(TestIssuances.LOG_A, LogStatus.STOPPED, "split view at tree size 10");

      assertEquals(ida, again);
      assertNotEquals(ida, idb);
      assertEquals(2, TableSnapshot.count(s, "tree_heads"));
      assertEquals(1, logs.incidentCount(TestIssuances.LOG_A));
      assertEquals(0, logs.incidentCount(TestIssuances.LOG_B));
      LogState state = logs.state(TestIssuances.LOG_A).orElseThrow();
      assertEquals(LogStatus.STOPPED, state.status());
      assertEquals(Optional.of("split view at tree size 10"), state.lastError());
      StoreException e = assertThrows(StoreException.class,
          () -> logs.setStatus(TestIssuances.sha("unknown"), LogStatus.OK, null));
      assertEquals("log " + TestIssuances.sha("unknown").base64() + " is not registered", e.getMessage());
    }
  }

  @OnBothDatabases
  void aFollowersReportNeverTakesALogOutOfStoppedOnlyTheOperatorDoes(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      Logs logs = new Logs(s.jdbi(), CLOCK);
      assertTrue(logs.setStatusUnlessStopped(TestIssuances.LOG_A, LogStatus.FAILING, "HTTP 503"));
      assertEquals(LogStatus.FAILING, logs.state(TestIssuances.LOG_A).orElseThrow().status());

      logs.setStatus(TestIssuances.LOG_A, LogStatus.STOPPED, "split view at tree size 10"); // another node
      assertFalse(logs.setStatusUnlessStopped(TestIssuances.LOG_A, LogStatus.OK, null));
      assertFalse(logs.setStatusUnlessStopped(TestIssuances.LOG_A, LogStatus.FAILING, "HTTP 503"));
      LogState state = logs.state(TestIssuances.LOG_A).orElseThrow();
      assertEquals(LogStatus.STOPPED, state.status());
      assertEquals(Optional.of("split view at tree size 10"), state.lastError());

      logs.setStatus(TestIssuances.LOG_A, LogStatus.OK, null); // ctmon resume
      assertTrue(logs.setStatusUnlessStopped(TestIssuances.LOG_A, LogStatus.FAILING, "HTTP 503"));
      StoreException e = assertThrows(StoreException.class,
          () -> logs.setStatusUnlessStopped(TestIssuances.sha("unknown"), LogStatus.OK, null));
      assertEquals("log " + TestIssuances.sha("unknown").base64() + " is not registered", e.getMessage());
    }
  }

  @OnBothDatabases
  void theLargestSignedHeadOnRecordLeavesOutBadSignaturesAndWhatCameBeforeTheLastIncident(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      Logs logs = new Logs(s.jdbi(), CLOCK);
      long now = CLOCK.millis();
      org.ctmon.parser.OpaqueBytes sig = org.ctmon.parser.OpaqueBytes.of(new byte[] {1});
      assertEquals(Optional.empty(), logs.largestSignedHead(TestIssuances.LOG_A));
      logs.recordTreeHead(TestIssuances.LOG_A, new ServedTreeHead(new TreeHead(10, 1000, TestIssuances.sha("r10")),
          sig, true, now - 9));
      logs.recordTreeHead(TestIssuances.LOG_A, new ServedTreeHead(new TreeHead(20, 2000, TestIssuances.sha("r20")),
          sig, true, now - 8));
      logs.recordTreeHead(TestIssuances.LOG_A, new ServedTreeHead(new TreeHead(20, 2500, TestIssuances.sha("r20")),
          sig, true, now - 7));
      logs.recordTreeHead(TestIssuances.LOG_A, new ServedTreeHead(new TreeHead(90, 3000, TestIssuances.sha("bad")),
          sig, false, now - 6));
      logs.recordTreeHead(TestIssuances.LOG_B, new ServedTreeHead(new TreeHead(70, 3000, TestIssuances.sha("log b")),
          sig, true, now - 5));
      ServedTreeHead largest = logs.largestSignedHead(TestIssuances.LOG_A).orElseThrow();
      assertEquals(20, largest.head().treeSize(), "not the badly signed one, not another log's");
      assertEquals(2500, largest.head().timestamp(), "the latest of the largest size");

      long big = logs.recordTreeHead(TestIssuances.LOG_A, new ServedTreeHead(
          new TreeHead(60, 2600, TestIssuances.sha("r60")),
          sig,
          true, now - 4));
      long small = logs.recordTreeHead(TestIssuances.LOG_A, new ServedTreeHead(
          new TreeHead(30, 2700, TestIssuances.sha("r30")),
          sig,
          true, now - 3));
      logs.recordIncident(TestIssuances.LOG_A, IncidentKind.INCONSISTENT, "rolled back", big, small); // at `now`
      assertEquals(Optional.empty(), logs.largestSignedHead(TestIssuances.LOG_A),
          "resumed after the incident: the heads before it were judged with it");
      logs.recordTreeHead(TestIssuances.LOG_A, new ServedTreeHead(new TreeHead(31, 2800, TestIssuances.sha("r31")),
          sig, true, now + 1));
      assertEquals(31, logs.largestSignedHead(TestIssuances.LOG_A).orElseThrow().head().treeSize());
    }
  }
}
