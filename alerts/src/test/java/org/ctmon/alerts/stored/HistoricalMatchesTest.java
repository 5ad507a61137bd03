package org.ctmon.alerts.stored;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ctmon.alerts.outbox.EventType;
import org.ctmon.alerts.outbox.OutboxRecord;
import org.ctmon.alerts.outbox.Recipient;
import org.ctmon.alerts.watch.MatchRecord;
import org.ctmon.alerts.watch.MatchView;
import org.ctmon.alerts.watch.Verdict;
import org.ctmon.store.OnBothDatabases;
import org.ctmon.store.Store;
import org.ctmon.store.TestDatabase;
import org.ctmon.store.ingest.Ingest;
import org.ctmon.store.ingest.Issuance;
import org.ctmon.store.ingest.TestIssuances;

final class HistoricalMatchesTest {
  private static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");

  @OnBothDatabases
  void storedIssuancesMatchedLaterAreFlaggedHistoricalAndStoredOnce(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      TwoAccounts a = TwoAccounts.create(s);
      Issuance old = TestIssuances.issuance("old", "www.example.com");
      new Ingest(s.jdbi(), TwoAccounts.CLOCK, false).commit(TestIssuances.batch(TestIssuances.LOG_A, 0, List.of(old)));

      HistoricalMatches history = new HistoricalMatches(s.jdbi(), TwoAccounts.CLOCK);
      MatchRecord m = new MatchRecord(a.alice(), a.aliceList(), old.tbsSha256(), Verdict.UNEXPECTED,
          List.of("issuer not allowed"), List.of(".example.com"));
      OutboxRecord alert = new OutboxRecord(a.alice(), "history-1", EventType.CERTIFICATE_UNEXPECTED,
          new Recipient.Email("alice@example.com"), a.aliceList(), old.tbsSha256(), "{}");
      MatchRecord gone = new MatchRecord(a.alice(), a.aliceList(), TestIssuances.sha("tbs purged"),
          Verdict.UNEXPECTED, List.of(), List.of(".example.com"));

      assertEquals(1, history.record(List.of(new HistoricalMatches.Found(m, NOT_BEFORE),
          new HistoricalMatches.Found(gone, NOT_BEFORE)), List.of(alert)));
      assertEquals(0, history.record(List.of(new HistoricalMatches.Found(m, NOT_BEFORE)), List.of(alert)));

      List<MatchView> views = new Matches(s.jdbi()).list(a.alice(), Optional.empty(), Optional.empty(),
          Optional.empty(), 10).items();
      assertEquals(1, views.size());
      assertTrue(views.get(0).historical());
      assertEquals(old.tbsSha256(), views.get(0).issuance().tbsSha256());
      assertEquals(1, new Outbox(s.jdbi(), TwoAccounts.CLOCK).list(a.alice(), Optional.empty(), 10).items().size());
    }
  }
}
