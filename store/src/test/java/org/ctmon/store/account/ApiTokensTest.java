package org.ctmon.store.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ctmon.store.OnBothDatabases;
import org.ctmon.store.TestDatabase;
import org.ctmon.testlog.ManualClock;

final class ApiTokensTest {
  @OnBothDatabases
  void aTokenSignsInUntilRevokedAndItsUseIsRecordedToTheMinute(TestDatabase db) {
    try (var t = db.open()) {
      ManualClock clock = new ManualClock(Instant.parse("2026-12-06T00:00:00Z"));
      long account = new Accounts(t.store().jdbi(), clock, new SecureRandom()).create("mei@bank.example",
          "a long password", false);
      ApiTokens tokens = new ApiTokens(t.store().jdbi(), clock, new SecureRandom());
      IssuedToken token = tokens.issue(account, "script");
      Instant first = clock.instant();

      assertEquals(account, tokens.authenticate(token.secret()).orElseThrow().id());
      clock.set(first.plus(Duration.ofSeconds(30)));
      tokens.authenticate(token.secret());
      assertEquals(Optional.of(first), tokens.list(account).get(0).lastUsedAt(), "no write within the minute");
      clock.set(first.plus(Duration.ofSeconds(61)));
      tokens.authenticate(token.secret());
      assertEquals(Optional.of(clock.instant()), tokens.list(account).get(0).lastUsedAt());

      assertTrue(tokens.revoke(account, token.id()));
      assertEquals(Optional.empty(), tokens.authenticate(token.secret()));
      assertEquals(Optional.empty(), tokens.authenticate("ctmon_not-a-token"));
    }
  }
}
