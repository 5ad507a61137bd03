package org.ctmon.alerts.stored;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.ctmon.alerts.watch.WatchlistSpec;
import org.ctmon.store.Store;
import org.ctmon.store.account.Accounts;

/** Test fixture: two accounts, alice and bob, each with a watch list on example.com. */
public record TwoAccounts(long alice, long bob, long aliceList, long bobList) {
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC);

  public static TwoAccounts create(Store s) {
    Accounts accounts = new Accounts(s.jdbi(), CLOCK, new SecureRandom());
    long alice = accounts.create("alice@example.com", "alice password", false);
    long bob = accounts.create("bob@example.org", "bob password", false);
    Watchlists w = new Watchlists(s.jdbi(), CLOCK);
    long aliceList = w.create(alice, spec("prod"));
    long bobList = w.create(bob, spec("prod"));
    return new TwoAccounts(alice, bob, aliceList, bobList);
  }

  public static WatchlistSpec spec(String name) {
    return new WatchlistSpec(name, List.of(".example.com", "www.example.org", "192.0.2.0/24"),
        List.of("letsencrypt.org", "sha256:" + "ab".repeat(32)), List.of("cd".repeat(32)), false);
  }
}
