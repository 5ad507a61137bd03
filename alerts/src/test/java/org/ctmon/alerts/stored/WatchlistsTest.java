package org.ctmon.alerts.stored;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.ctmon.alerts.watch.Watchlist;
import org.ctmon.alerts.watch.WatchlistSpec;
import org.ctmon.store.OnBothDatabases;
import org.ctmon.store.Store;
import org.ctmon.store.StoreException;
import org.ctmon.store.TestDatabase;

final class WatchlistsTest {
  @OnBothDatabases
  void aWatchListIsReadBackAsWritten(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TwoAccounts a = TwoAccounts.create(s);
      Watchlist w = new Watchlists(s.jdbi(), TwoAccounts.CLOCK).get(a.alice(), a.aliceList()).orElseThrow();
      assertEquals(TwoAccounts.spec("prod"), w.spec());
      assertEquals(a.alice(), w.accountId());
      assertEquals(TwoAccounts.CLOCK.instant(), w.createdAt());
    }
  }

  @OnBothDatabases
  void noAccountSeesChangesOrDeletesAnotherAccountsWatchLists(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TwoAccounts a = TwoAccounts.create(s);
      Watchlists w = new Watchlists(s.jdbi(), TwoAccounts.CLOCK);
      WatchlistSpec hijack = new WatchlistSpec("hijack", List.of(".evil.example"), List.of(), List.of(), true);

      assertEquals(List.of(a.aliceList()), w.list(a.alice()).stream().map(Watchlist::id).toList());
      assertEquals(List.of(a.bobList()), w.list(a.bob()).stream().map(Watchlist::id).toList());
      assertEquals(Optional.empty(), w.get(a.bob(), a.aliceList()));
      assertFalse(w.replace(a.bob(), a.aliceList(), hijack));
      assertFalse(w.delete(a.bob(), a.aliceList()));
      assertEquals(TwoAccounts.spec("prod"), w.get(a.alice(), a.aliceList()).orElseThrow().spec());
      assertEquals(2, w.allForMatching().size());
    }
  }

  @OnBothDatabases
  void anAccountCannotHaveTwoWatchListsOfTheSameName(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TwoAccounts a = TwoAccounts.create(s);
      Watchlists w = new Watchlists(s.jdbi(), TwoAccounts.CLOCK);
      StoreException e = assertThrows(StoreException.class, () -> w.create(a.alice(), TwoAccounts.spec("prod")));
      assertEquals("error saving watch list: account " + a.alice() + " has one named prod", e.getMessage());
    }
  }

  @OnBothDatabases
  void replacingAndDeletingTheOwnWatchListWork(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TwoAccounts a = TwoAccounts.create(s);
      Watchlists w = new Watchlists(s.jdbi(), TwoAccounts.CLOCK);
      WatchlistSpec changed = new WatchlistSpec("staging", List.of("'; DROP TABLE watchlists;--"), List.of(),
          List.of(), true);

      assertTrue(w.replace(a.alice(), a.aliceList(), changed));
      assertEquals(changed, w.get(a.alice(), a.aliceList()).orElseThrow().spec());
      assertTrue(w.delete(a.alice(), a.aliceList()));
      assertEquals(List.of(), w.list(a.alice()));
      assertEquals(1, w.list(a.bob()).size());
    }
  }
}
