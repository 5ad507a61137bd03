package org.ctmon.alerts.stored;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ctmon.alerts.outbox.Alert;
import org.ctmon.alerts.outbox.DeliveryState;
import org.ctmon.alerts.outbox.EventType;
import org.ctmon.alerts.outbox.OutboxRecord;
import org.ctmon.alerts.outbox.Recipient;
import org.ctmon.alerts.outbox.Webhook;
import org.ctmon.alerts.outbox.WebhookFormat;
import org.ctmon.store.OnBothDatabases;
import org.ctmon.store.Store;
import org.ctmon.store.TestDatabase;
import org.ctmon.testlog.ManualClock;
import org.junit.jupiter.api.Assertions;

final class OutboxTest {
  private static OutboxRecord health(long account, String key, Recipient r) {
    return new OutboxRecord(account, key, EventType.HEALTH, r, null, null, "{\"type\":\"health\",\"id\":\"" + key + "\"}");
  }

  @OnBothDatabases
  void noAccountSeesOrUsesAnotherAccountsAlertsAndWebhooks(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TwoAccounts a = TwoAccounts.create(s);
      Webhooks webhooks = new Webhooks(s.jdbi(), TwoAccounts.CLOCK);
      long aliceHook = webhooks.create(a.alice(), "https://alice.example/hook", "s3cret", WebhookFormat.SLACK);
      Outbox outbox = new Outbox(s.jdbi(), TwoAccounts.CLOCK);
      assertTrue(outbox.enqueue(health(a.alice(), "k1", new Recipient.Webhook(aliceHook))));
      assertTrue(outbox.enqueue(health(a.bob(), "k2", new Recipient.Email("bob@example.org"))));

      assertEquals(List.of("k1"), outbox.list(a.alice(), Optional.empty(), 10).items().stream()
          .map(Alert::idempotencyKey).toList());
      assertEquals(List.of("k2"), outbox.list(a.bob(), Optional.empty(), 10).items().stream()
          .map(Alert::idempotencyKey).toList());
      long aliceAlert = outbox.list(a.alice(), Optional.empty(), 10).items().get(0).id();
      assertEquals(Optional.empty(), outbox.get(a.bob(), aliceAlert));
      assertEquals(List.of(), webhooks.list(a.bob()));
      assertEquals(Optional.empty(), webhooks.get(a.bob(), aliceHook));
      assertFalse(webhooks.setEnabled(a.bob(), aliceHook, false));
      assertFalse(webhooks.delete(a.bob(), aliceHook));
      assertEquals("s3cret", webhooks.get(a.alice(), aliceHook).orElseThrow().secret());
      // Bob cannot route an alert to alice's webhook: the database refuses it.
      Assertions.assertThrows(RuntimeException.class,
          () -> outbox.enqueue(health(a.bob(), "k3", new Recipient.Webhook(aliceHook))));
    }
  }

  @OnBothDatabases
  void anAlertIsQueuedOnceClaimedOnceAndRecordsItsDelivery(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TwoAccounts a = TwoAccounts.create(s);
      var clock = new ManualClock(TwoAccounts.CLOCK.instant());
      Outbox outbox = new Outbox(s.jdbi(), clock);
      assertTrue(outbox.enqueue(health(a.alice(), "k1", new Recipient.Email("alice@example.com"))));
      assertFalse(outbox.enqueue(health(a.alice(), "k1", new Recipient.Email("alice@example.com"))));

      List<Alert> claimed = outbox.claimDue(10, Duration.ofMinutes(1));
      assertEquals(1, claimed.size());
      assertEquals(List.of(), outbox.claimDue(10, Duration.ofMinutes(1)));
      outbox.retryAt(claimed.get(0).id(), clock.instant().plusSeconds(30), "smtp 451 try later");
      clock.set(clock.instant().plusSeconds(31));
      Alert again = outbox.claimDue(10, Duration.ofMinutes(1)).get(0);
      assertEquals(1, again.attempts());
      assertEquals(Optional.of("smtp 451 try later"), again.lastError());
      outbox.delivered(again.id());

      Alert done = outbox.get(a.alice(), again.id()).orElseThrow();
      assertEquals(DeliveryState.DELIVERED, done.state());
      assertEquals(2, done.attempts());
      assertEquals(Optional.of(clock.instant()), done.deliveredAt());
      assertEquals(List.of(), outbox.claimDue(10, Duration.ofMinutes(1)));
    }
  }

  @OnBothDatabases
  void anExpiredLeaseMakesTheAlertDueAgainAndGivingUpStopsIt(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TwoAccounts a = TwoAccounts.create(s);
      var clock = new ManualClock(TwoAccounts.CLOCK.instant());
      Outbox outbox = new Outbox(s.jdbi(), clock);
      outbox.enqueue(health(a.alice(), "k1", new Recipient.Email("alice@example.com")));
      outbox.claimDue(10, Duration.ofMinutes(1));

      clock.set(clock.instant().plus(Duration.ofMinutes(2)));
      Alert retaken = outbox.claimDue(10, Duration.ofMinutes(1)).get(0);
      outbox.gaveUp(retaken.id(), "http 410 gone");

      clock.set(clock.instant().plus(Duration.ofDays(1)));
      assertEquals(List.of(), outbox.claimDue(10, Duration.ofMinutes(1)));
      assertEquals(DeliveryState.GAVE_UP, outbox.get(a.alice(), retaken.id()).orElseThrow().state());
    }
  }

  @OnBothDatabases
  void aClaimSkipsRowsAnotherNodeIsClaimingInsteadOfWaitingForThem(TestDatabase db) throws Exception {
    try (var t = db.open()) {
      Store s = t.store();
      TwoAccounts a = TwoAccounts.create(s);
      Outbox outbox = new Outbox(s.jdbi(), TwoAccounts.CLOCK);
      for (int i = 0; i < 4; i++) {
        outbox.enqueue(health(a.alice(), "k" + i, new Recipient.Email("alice@example.com")));
      }
      // Another node's claim transaction holds the two oldest rows locked.
      try (var other = s.jdbi().open()) {
        other.begin();
        List<Long> held = other.createQuery("SELECT id FROM outbox ORDER BY next_attempt_at, id LIMIT 2 FOR UPDATE")
            .mapTo(Long.class).list();
        Future<List<Alert>> claim = Executors.newSingleThreadExecutor()
            .submit(() -> outbox.claimDue(10, Duration.ofMinutes(1)));
        List<Alert> mine = claim.get(30, TimeUnit.SECONDS);
        other.rollback();
        assertTrue(mine.stream().noneMatch(m -> held.contains(m.id())), "claimed rows another claim holds: " + mine);
        if (db == TestDatabase.POSTGRESQL) {
          // H2 (one node by construction: one process opens its file) claims nothing meanwhile.
          assertEquals(2, mine.size(), mine.toString());
        }
      }
    }
  }
}
