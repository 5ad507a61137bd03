package org.ctmon.alerts.stored;

import static org.ctmon.store.ingest.TestIssuances.LOG_A;
import static org.ctmon.store.ingest.TestIssuances.LOG_B;
import static org.ctmon.store.ingest.TestIssuances.issuance;
import static org.ctmon.store.ingest.TestIssuances.precert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.ctmon.alerts.outbox.EventType;
import org.ctmon.alerts.outbox.OutboxRecord;
import org.ctmon.alerts.outbox.Recipient;
import org.ctmon.alerts.watch.MatchRecord;
import org.ctmon.alerts.watch.MatchView;
import org.ctmon.alerts.watch.Verdict;
import org.ctmon.store.OnBothDatabases;
import org.ctmon.store.Page;
import org.ctmon.store.Store;
import org.ctmon.store.TableSnapshot;
import org.ctmon.store.TestDatabase;
import org.ctmon.store.ingest.Ingest;
import org.ctmon.store.ingest.IngestResult;
import org.ctmon.store.ingest.Issuance;
import org.ctmon.store.ingest.TestIssuances;
import org.ctmon.store.issuance.IssuanceSearch;

final class MatchesTest {
  private static MatchRecord match(long account, long list, Issuance i) {
    return new MatchRecord(account, list, i.tbsSha256(), Verdict.UNEXPECTED, List.of("issuer R11 is not expected"),
        List.of(".example.com"));
  }

  private static OutboxRecord alert(long account, long list, Issuance i) {
    return new OutboxRecord(account, "match-" + list + "-" + i.tbsSha256(), EventType.CERTIFICATE_UNEXPECTED,
        new Recipient.Email("owner@example.com"), list, i.tbsSha256(), "{\"type\":\"certificate.unexpected\"}");
  }

  @OnBothDatabases
  void theSameIssuanceInTwoLogsIsOneMatchAndOneAlert(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      TwoAccounts a = TwoAccounts.create(s);
      Ingest ingest = new Ingest(s.jdbi(), TwoAccounts.CLOCK, false);
      Issuance pre = precert("one", "www.example.com");
      Issuance fin = issuance("one", "www.example.com");

      IngestResult first = MatchedBatch.batch(LOG_A, 0, List.of(pre), List.of(match(a.alice(), a.aliceList(), pre)),
          List.of(alert(a.alice(), a.aliceList(), pre))).commit(ingest);
      IngestResult second = MatchedBatch.batch(LOG_B, 0, List.of(fin), List.of(match(a.alice(), a.aliceList(), fin)),
          List.of(alert(a.alice(), a.aliceList(), fin))).commit(ingest);

      assertEquals(new IngestResult(false, 1, 1, 1), first);
      assertEquals(new IngestResult(false, 0, 0, 0), second);
      assertEquals(1, TableSnapshot.count(s, "matches"));
      assertEquals(1, TableSnapshot.count(s, "outbox"));
      MatchView m = new Matches(s.jdbi()).list(a.alice(), Optional.empty(), Optional.empty(), Optional.empty(), 10)
          .items().get(0);
      assertEquals(List.of("www.example.com"), m.issuance().dnsNames());
      assertEquals(Verdict.UNEXPECTED, m.verdict());
      assertEquals(List.of("issuer R11 is not expected"), m.reasons());
      assertEquals(List.of(".example.com"), m.watchItems());
      assertEquals(2, m.entries().size());
      // The matched issuance keeps its DER (the final certificate's) although DER of others is not kept.
      assertEquals(Optional.of(fin.der()), new IssuanceSearch(s.jdbi()).der(fin.tbsSha256()));
    }
  }

  @OnBothDatabases
  void replayOfABatchWithMatchesAndAlertsChangesNothing(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      TwoAccounts a = TwoAccounts.create(s);
      Ingest ingest = new Ingest(s.jdbi(), TwoAccounts.CLOCK, false);
      Issuance one = issuance("one", "www.example.com");
      var b = MatchedBatch.batch(LOG_A, 0, List.of(one),
          List.of(match(a.alice(), a.aliceList(), one), match(a.bob(), a.bobList(), one)),
          List.of(alert(a.alice(), a.aliceList(), one), alert(a.bob(), a.bobList(), one)));
      b.commit(ingest);
      var before = TableSnapshot.of(s);

      assertTrue(b.commit(ingest).replay());

      assertEquals(before, TableSnapshot.of(s));
    }
  }

  @OnBothDatabases
  void aMatchNamingAnotherAccountsWatchListIsRefusedAndRollsBackTheBatch(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      TwoAccounts a = TwoAccounts.create(s);
      Issuance one = issuance("one", "www.example.com");
      var before = TableSnapshot.of(s);

      Ingest ingest = new Ingest(s.jdbi(), TwoAccounts.CLOCK, false);
      MatchedBatch b = MatchedBatch.batch(LOG_A, 0, List.of(one), List.of(match(a.bob(), a.aliceList(), one)),
          List.of());
      assertThrows(RuntimeException.class, () -> b.commit(ingest));

      assertEquals(before, TableSnapshot.of(s));
    }
  }

  @OnBothDatabases
  void noAccountSeesAnotherAccountsMatches(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      TwoAccounts a = TwoAccounts.create(s);
      Issuance one = issuance("one", "www.example.com");
      Issuance two = issuance("two", "mail.example.com");
      MatchedBatch.batch(LOG_A, 0, List.of(one, two),
          List.of(match(a.alice(), a.aliceList(), one), match(a.bob(), a.bobList(), two)), List.of())
          .commit(new Ingest(s.jdbi(), TwoAccounts.CLOCK, false));
      Matches matches = new Matches(s.jdbi());

      var alices = matches.list(a.alice(), Optional.empty(), Optional.empty(), Optional.empty(), 10).items();
      var bobs = matches.list(a.bob(), Optional.empty(), Optional.empty(), Optional.empty(), 10).items();
      assertEquals(List.of(one.tbsSha256()), alices.stream().map(m -> m.issuance().tbsSha256()).toList());
      assertEquals(List.of(two.tbsSha256()), bobs.stream().map(m -> m.issuance().tbsSha256()).toList());
      // Bob asking for alice's watch list, or alice's match by id, gets nothing.
      assertEquals(List.of(), matches.list(a.bob(), Optional.of(a.aliceList()), Optional.empty(), Optional.empty(), 10)
          .items());
      assertEquals(Optional.empty(), matches.get(a.bob(), alices.get(0).id()));
      assertEquals(alices.get(0), matches.get(a.alice(), alices.get(0).id()).orElseThrow());
    }
  }

  @OnBothDatabases
  void matchPagesReturnEveryMatchExactlyOnce(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      TwoAccounts a = TwoAccounts.create(s);
      List<Issuance> issuances = new ArrayList<>();
      List<MatchRecord> matches = new ArrayList<>();
      for (int i = 0; i < 23; i++) {
        Issuance is = issuance("m" + i, "h" + i + ".example.com");
        issuances.add(is);
        matches.add(match(a.alice(), a.aliceList(), is));
      }
      MatchedBatch.batch(LOG_A, 0, issuances, matches, List.of())
          .commit(new Ingest(s.jdbi(), TwoAccounts.CLOCK, false));
      Matches m = new Matches(s.jdbi());

      List<Long> ids = new ArrayList<>();
      Optional<String> cursor = Optional.empty();
      do {
        Page<MatchView> p = m.list(a.alice(), Optional.of(a.aliceList()), Optional.empty(), cursor, 5);
        p.items().forEach(v -> ids.add(v.id()));
        cursor = p.next();
      } while (cursor.isPresent());

      assertEquals(23, ids.size());
      assertEquals(23, new HashSet<>(ids).size());
    }
  }
}
