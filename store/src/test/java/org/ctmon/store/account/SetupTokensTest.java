package org.ctmon.store.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.ctmon.parser.Sha256;
import org.ctmon.store.OnBothDatabases;
import org.ctmon.store.TestDatabase;

final class SetupTokensTest {
  private static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @OnBothDatabases
  void aTokenMakesOneAdministratorOnceAndIsStoredOnlyAsItsHash(TestDatabase db) {
    try (var t = db.open()) {
      SetupTokens setup = new SetupTokens(t.store().jdbi(), CLOCK, new SecureRandom());
      String token = setup.offer(Duration.ofHours(1)).orElseThrow();

      byte[] stored = t.store().jdbi().withHandle(h -> h.createQuery("SELECT token_sha256 FROM setup_tokens")
          .mapTo(byte[].class).one());
      assertEquals(Sha256.of(token.getBytes(StandardCharsets.UTF_8)), Sha256.wrap(stored));
      assertTrue(setup.valid(token));
      long id = setup.redeem(token, "Root@Example.com", "a long password").orElseThrow();

      Accounts accounts = new Accounts(t.store().jdbi(), CLOCK, new SecureRandom());
      assertTrue(accounts.byId(id).orElseThrow().admin());
      assertEquals(id, accounts.authenticate("root@example.com", "a long password").orElseThrow().id());
      assertFalse(setup.valid(token));
      assertEquals(Optional.empty(), setup.redeem(token, "other@example.com", "another password"));
      assertEquals(1, accounts.count());
    }
  }

  @OnBothDatabases
  void aTokenExpiresAndNoneIsOfferedOnceAnAccountExists(TestDatabase db) {
    try (var t = db.open()) {
      SetupTokens setup = new SetupTokens(t.store().jdbi(), CLOCK, new SecureRandom());
      String token = setup.offer(Duration.ofHours(1)).orElseThrow();
      SetupTokens later = new SetupTokens(t.store().jdbi(), Clock.offset(CLOCK, Duration.ofMinutes(61)),
          new SecureRandom());

      assertFalse(later.valid(token));
      assertEquals(Optional.empty(), later.redeem(token, "root@example.com", "a long password"));

      String fresh = setup.offer(Duration.ofHours(1)).orElseThrow();
      new Accounts(t.store().jdbi(), CLOCK, new SecureRandom()).create("bob@example.com", "bob password", false);
      assertFalse(setup.valid(fresh));
      assertEquals(Optional.empty(), setup.redeem(fresh, "root@example.com", "a long password"));
      assertEquals(Optional.empty(), setup.offer(Duration.ofHours(1)));
    }
  }

  @OnBothDatabases
  void onlyTheLastOfferedTokenWorks(TestDatabase db) {
    try (var t = db.open()) {
      SetupTokens setup = new SetupTokens(t.store().jdbi(), CLOCK, new SecureRandom());
      String first = setup.offer(Duration.ofHours(1)).orElseThrow();
      String second = setup.offer(Duration.ofHours(1)).orElseThrow();

      assertFalse(setup.valid(first));
      assertTrue(setup.valid(second));
    }
  }
}
