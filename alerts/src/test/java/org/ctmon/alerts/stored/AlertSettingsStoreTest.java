package org.ctmon.alerts.stored;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ctmon.alerts.outbox.WebhookFormat;
import org.ctmon.alerts.watch.WatchlistSpec;
import org.ctmon.parser.Sha256;
import org.ctmon.store.OnBothDatabases;
import org.ctmon.store.Store;
import org.ctmon.store.StoreException;
import org.ctmon.store.TestDatabase;

final class AlertSettingsStoreTest {
  @OnBothDatabases
  void neverIssueNamesAndTheHistoryFlagAreKeptAndReplaced(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TwoAccounts a = TwoAccounts.create(s);
      Watchlists w = new Watchlists(s.jdbi(), TwoAccounts.CLOCK);
      WatchlistSpec spec = new WatchlistSpec("strict", List.of(".bank.example"), List.of(), List.of(), true,
          List.of("admin.bank.example", ".internal.bank.example"), true);
      long id = w.create(a.alice(), spec);
      assertEquals(spec, w.get(a.alice(), id).orElseThrow().spec());

      WatchlistSpec edited = new WatchlistSpec("strict", List.of(".bank.example"), List.of(), List.of(), false,
          List.of("vpn.bank.example"), false);
      assertTrue(w.replace(a.alice(), id, edited));
      assertEquals(edited, w.get(a.alice(), id).orElseThrow().spec());
    }
  }

  @OnBothDatabases
  void emailRecipientsBelongToTheirAccountAndAreNotDuplicated(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TwoAccounts a = TwoAccounts.create(s);
      EmailRecipients r = new EmailRecipients(s.jdbi(), TwoAccounts.CLOCK);
      long id = r.add(a.alice(), "Mei@Bank.Example");
      r.add(a.bob(), "bob@example.org");

      assertEquals(List.of("mei@bank.example"), r.list(a.alice()).stream().map(EmailRecipients.EmailRecipient::address)
          .toList());
      StoreException e = assertThrows(StoreException.class, () -> r.add(a.alice(), "mei@bank.example"));
      assertEquals("error adding email recipient: account " + a.alice() + " has mei@bank.example already",
          e.getMessage());
      assertFalse(r.delete(a.bob(), id));
      assertEquals(Map.of(a.alice(), List.of("mei@bank.example"), a.bob(), List.of("bob@example.org")),
          r.allByAccount());
      assertTrue(r.delete(a.alice(), id));
      assertEquals(List.of(), r.list(a.alice()));
    }
  }

  @OnBothDatabases
  void authorizationsAreIdempotentAndPrivate(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TwoAccounts a = TwoAccounts.create(s);
      Authorizations auth = new Authorizations(s.jdbi(), TwoAccounts.CLOCK);
      Sha256 tbs = Sha256.of("renewal".getBytes());
      auth.add(a.alice(), Authorizations.Kind.TBS, tbs, "our renewal");
      auth.add(a.alice(), Authorizations.Kind.TBS, tbs, "again");

      List<Authorizations.Authorization> list = auth.list(a.alice());
      assertEquals(1, list.size());
      assertEquals("our renewal", list.get(0).note());
      assertEquals(List.of(), auth.list(a.bob()));
      assertFalse(auth.delete(a.bob(), list.get(0).id()));
      assertEquals(Map.of(a.alice(), Set.of(tbs)), auth.all());
    }
  }

  @OnBothDatabases
  void onlyEnabledWebhooksOfEnabledAccountsAreForMatching(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TwoAccounts a = TwoAccounts.create(s);
      Webhooks hooks = new Webhooks(s.jdbi(), TwoAccounts.CLOCK);
      long on = hooks.create(a.alice(), "https://hooks.example/a", "s", WebhookFormat.JSON);
      long off = hooks.create(a.bob(), "https://hooks.example/b", "s", WebhookFormat.SLACK);
      hooks.setEnabled(a.bob(), off, false);

      assertEquals(List.of(on), hooks.allEnabled().stream().map(h -> h.id()).toList());
      assertEquals(a.bob(), hooks.byId(off).orElseThrow().accountId());
    }
  }
}
