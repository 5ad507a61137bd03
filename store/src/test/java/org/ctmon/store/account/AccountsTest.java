package org.ctmon.store.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.ctmon.parser.Sha256;
import org.ctmon.store.OnBothDatabases;
import org.ctmon.store.Store;
import org.ctmon.store.StoreException;
import org.ctmon.store.TableSnapshot;
import org.ctmon.store.TestDatabase;

final class AccountsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC);

  @OnBothDatabases
  void passwordsTokensAndSessionsAuthenticateTheirOwnAccountOnly(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      SecureRandom random = new SecureRandom();
      Accounts accounts = new Accounts(s.jdbi(), CLOCK, random);
      long alice = accounts.create("Alice@Example.com", "alice password", true);
      long bob = accounts.create("bob@example.org", "'; DROP TABLE accounts;--", false);
      ApiTokens tokens = new ApiTokens(s.jdbi(), CLOCK, random);
      Sessions sessions = new Sessions(s.jdbi(), CLOCK, random);

      assertEquals(alice, accounts.authenticate("alice@example.com", "alice password").orElseThrow().id());
      assertEquals(bob, accounts.authenticate("bob@example.org", "'; DROP TABLE accounts;--").orElseThrow().id());
      assertEquals(Optional.empty(), accounts.authenticate("alice@example.com", "'; DROP TABLE accounts;--"));
      assertEquals(Optional.empty(), accounts.authenticate("nobody@example.com", "alice password"));
      assertTrue(accounts.byId(alice).orElseThrow().admin());

      IssuedToken at = tokens.issue(alice, "ci");
      IssuedToken bt = tokens.issue(bob, "laptop");
      assertEquals(alice, tokens.authenticate(at.secret()).orElseThrow().id());
      assertEquals(bob, tokens.authenticate(bt.secret()).orElseThrow().id());
      assertEquals(Optional.empty(), tokens.authenticate(at.secret() + "x"));
      assertEquals(List.of(at.id()), tokens.list(alice).stream().map(ApiToken::id).toList());
      assertEquals(List.of(bt.id()), tokens.list(bob).stream().map(ApiToken::id).toList());
      assertFalse(tokens.revoke(bob, at.id()));
      assertEquals(alice, tokens.authenticate(at.secret()).orElseThrow().id());
      assertTrue(tokens.revoke(alice, at.id()));
      assertEquals(Optional.empty(), tokens.authenticate(at.secret()));

      String as = sessions.start(alice, Duration.ofHours(1));
      assertEquals(alice, sessions.authenticate(as).orElseThrow().id());
      sessions.end(as);
      assertEquals(Optional.empty(), sessions.authenticate(as));

      accounts.setDisabled(bob, true);
      assertEquals(Optional.empty(), tokens.authenticate(bt.secret()));
      assertEquals(Optional.empty(), accounts.authenticate("bob@example.org", "'; DROP TABLE accounts;--"));
    }
  }

  @OnBothDatabases
  void secretsAreStoredOnlyAsHashes(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      SecureRandom random = new SecureRandom();
      long alice = new Accounts(s.jdbi(), CLOCK, random).create("alice@example.com", "alice password", false);
      IssuedToken token = new ApiTokens(s.jdbi(), CLOCK, random).issue(alice, "ci");
      String session = new Sessions(s.jdbi(), CLOCK, random).start(alice, Duration.ofHours(1));

      String dump = TableSnapshot.of(s).toString();

      assertFalse(dump.contains("alice password"));
      assertFalse(dump.contains(token.secret()));
      assertFalse(dump.contains(session));
      assertTrue(dump.contains(Sha256.of(token.secret().getBytes(
          StandardCharsets.UTF_8)).hex()));
      assertNotEquals(token.secret(), session);
    }
  }

  @OnBothDatabases
  void anEmailCanHaveOneAccount(TestDatabase db) {
    try (var t = db.open()) {
      Accounts accounts = new Accounts(t.store().jdbi(), CLOCK, new SecureRandom());
      accounts.create("alice@example.com", "one", false);
      StoreException e = assertThrows(StoreException.class, () -> accounts.create("ALICE@example.com", "two", false));
      assertEquals("error creating account alice@example.com: it exists", e.getMessage());
    }
  }

  @OnBothDatabases
  void aPbkdf2HashMovesToArgon2idAtTheNextSignIn(TestDatabase db) {
    try (var t = db.open()) {
      Accounts accounts = new Accounts(t.store().jdbi(), CLOCK, new SecureRandom());
      long alice = accounts.create("alice@example.com", "first", false);
      String old = PasswordHash.pbkdf2Hash("alice password", new byte[16], 210_000);
      t.store().jdbi().useHandle(h -> h.execute("UPDATE accounts SET password_hash = ? WHERE id = ?", old, alice));

      assertEquals(Optional.empty(), accounts.authenticate("alice@example.com", "wrong"));
      assertEquals(old, storedHash(t.store(), alice)); // a wrong password changes nothing
      assertEquals(alice, accounts.authenticate("alice@example.com", "alice password").orElseThrow().id());

      String fresh = storedHash(t.store(), alice);
      assertTrue(fresh.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), fresh);
      assertEquals(alice, accounts.authenticate("alice@example.com", "alice password").orElseThrow().id());
      assertEquals(fresh, storedHash(t.store(), alice)); // rehashed once
    }
  }

  @OnBothDatabases
  void theLastEnabledAdministratorCannotBeDisabled(TestDatabase db) {
    try (var t = db.open()) {
      Accounts accounts = new Accounts(t.store().jdbi(), CLOCK, new SecureRandom());
      long root = accounts.create("root@example.com", "root password", true);
      long bob = accounts.create("bob@example.com", "bob password", false);
      long carol = accounts.create("carol@example.com", "carol password", true);

      assertEquals(3, accounts.count());
      Sessions sessions = new Sessions(t.store().jdbi(), CLOCK, new SecureRandom());
      String session = sessions.start(bob, Duration.ofHours(1));
      assertTrue(accounts.disableUnlessLastAdmin(bob));
      accounts.setDisabled(bob, false);
      assertEquals(Optional.empty(), sessions.authenticate(session), "enabling again brings back no session");
      assertTrue(accounts.disableUnlessLastAdmin(carol));
      assertFalse(accounts.disableUnlessLastAdmin(root));
      assertFalse(accounts.byId(root).orElseThrow().disabled());
      assertTrue(accounts.byId(carol).orElseThrow().disabled());
      assertFalse(accounts.disableUnlessLastAdmin(404));
      assertEquals(3, accounts.count());
    }
  }

  private static String storedHash(Store s, long id) {
    return s.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM accounts WHERE id = :id")
        .bind("id", id).mapTo(String.class).one());
  }
}
