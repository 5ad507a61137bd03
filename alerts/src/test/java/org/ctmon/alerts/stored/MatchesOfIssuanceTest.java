package org.ctmon.alerts.stored;

import static org.ctmon.store.ingest.TestIssuances.LOG_A;
import static org.ctmon.store.ingest.TestIssuances.issuance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ctmon.alerts.watch.MatchRecord;
import org.ctmon.alerts.watch.MatchView;
import org.ctmon.alerts.watch.Verdict;
import org.ctmon.store.OnBothDatabases;
import org.ctmon.store.Store;
import org.ctmon.store.TestDatabase;
import org.ctmon.store.ingest.Ingest;
import org.ctmon.store.ingest.Issuance;
import org.ctmon.store.ingest.TestIssuances;

/** {@link Matches#ofIssuance}: one account's matches of one issuance, for the certificate page. */
final class MatchesOfIssuanceTest {
  @OnBothDatabases
  void anAccountSeesItsOwnMatchesOfAnIssuanceAndNoOneElses(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      TwoAccounts a = TwoAccounts.create(s);
      Issuance one = issuance("one", "www.example.com");
      Issuance other = issuance("other", "api.example.com");
      MatchedBatch.batch(LOG_A, 0, List.of(one, other), List.of(
          new MatchRecord(a.alice(), a.aliceList(), one.tbsSha256(), Verdict.UNEXPECTED,
              List.of("issuer R11 is not expected"), List.of(".example.com")),
          new MatchRecord(a.alice(), a.aliceList(), other.tbsSha256(), Verdict.EXPECTED, List.of(),
              List.of(".example.com"))), List.of())
          .commit(new Ingest(s.jdbi(), TwoAccounts.CLOCK, false));
      Matches matches = new Matches(s.jdbi());

      List<MatchView> alice = matches.ofIssuance(a.alice(), one.tbsSha256());

      assertEquals(1, alice.size());
      assertEquals(Verdict.UNEXPECTED, alice.get(0).verdict());
      assertEquals(a.aliceList(), alice.get(0).watchlistId());
      assertEquals(List.of("issuer R11 is not expected"), alice.get(0).reasons());
      assertEquals(one.tbsSha256(), alice.get(0).issuance().tbsSha256());
      assertTrue(matches.ofIssuance(a.bob(), one.tbsSha256()).isEmpty());
      assertTrue(matches.ofIssuance(a.alice(), TestIssuances.sha("never seen")).isEmpty());
    }
  }
}
