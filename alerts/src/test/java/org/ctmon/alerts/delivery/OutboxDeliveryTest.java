package org.ctmon.alerts.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.ctmon.alerts.outbox.Alert;
import org.ctmon.alerts.outbox.DeliveryState;
import org.ctmon.alerts.outbox.EventType;
import org.ctmon.alerts.outbox.OutboxRecord;
import org.ctmon.alerts.outbox.Recipient;
import org.ctmon.alerts.outbox.WebhookFormat;
import org.ctmon.alerts.stored.Outbox;
import org.ctmon.alerts.stored.Webhooks;
import org.ctmon.alerts.webhook.TestReceiver;
import org.ctmon.alerts.webhook.WebhookSender;
import org.ctmon.alerts.webhook.WebhookTargetPolicy;
import org.ctmon.store.Store;
import org.ctmon.store.TestDatabase;
import org.ctmon.store.account.Accounts;
import org.ctmon.testlog.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class OutboxDeliveryTest {
  private static final OkHttpClient HTTP = new OkHttpClient();
  private final ManualClock clock = new ManualClock(Instant.parse("2026-02-01T00:00:00Z"));
  private TestDatabase.Opened db;
  private Outbox outbox;
  private Webhooks webhooks;
  private long account;

  @BeforeEach
  void openStore() {
    db = TestDatabase.H2.open();
    Store s = db.store();
    account = new Accounts(s.jdbi(), clock, new SecureRandom()).create("alice@example.com", "alice password", false);
    outbox = new Outbox(s.jdbi(), clock);
    webhooks = new Webhooks(s.jdbi(), clock);
  }

  @AfterEach
  void closeStore() {
    db.close();
  }

  private OutboxDelivery delivery(WebhookChannel channel, Optional<EmailChannel> email) {
    return new OutboxDelivery(outbox, webhooks, channel, email, clock, new SplittableRandom(5),
        OutboxDelivery.Settings.DEFAULTS);
  }

  private OutboxDelivery delivery() {
    return delivery(new WebhookSender(HTTP, new WebhookTargetPolicy(true),
        new DeliveryBackoff(clock, new SplittableRandom(9)), clock, "ctmon/test"), Optional.empty());
  }

  private void enqueue(String key, Recipient to) {
    assertTrue(outbox.enqueue(new OutboxRecord(account, key, EventType.CERTIFICATE_UNEXPECTED, to, null, null,
        TestAlerts.match(key, "unexpected", "vpn.mybank.example"))));
  }

  private List<Alert> alerts() {
    return outbox.list(account, Optional.empty(), 100).items();
  }

  private Set<DeliveryState> states() {
    return alerts().stream().map(Alert::state).collect(Collectors.toSet());
  }

  @Test
  void deliveredAlertsEndDelivered() {
    try (TestReceiver r = new TestReceiver()) {
      long hook = webhooks.create(account, r.url("/hook"), "s3cret", WebhookFormat.JSON);
      enqueue("k1", new Recipient.Webhook(hook));
      enqueue("k2", new Recipient.Webhook(hook));

      assertEquals(2, delivery().deliverDue());
      assertEquals(Set.of(DeliveryState.DELIVERED), states());
      assertEquals(Set.of("k1", "k2"), r.received().stream().map(q -> q.header("webhook-id")).collect(Collectors.toSet()));
      assertEquals(0, delivery().deliverDue());
    }
  }

  @Test
  void aReceiverThatIsDownGetsEverythingOnceItIsBack() {
    try (TestReceiver r = new TestReceiver()) {
      long hook = webhooks.create(account, r.url("/hook"), "s3cret", WebhookFormat.JSON);
      r.down();
      for (String k : List.of("k1", "k2", "k3")) {
        enqueue(k, new Recipient.Webhook(hook));
      }
      OutboxDelivery d = delivery();
      assertEquals(3, d.deliverDue());
      for (Alert a : alerts()) {
        assertEquals(DeliveryState.PENDING, a.state());
        assertEquals(1, a.attempts());
        assertTrue(a.lastError().orElseThrow().startsWith("error posting alert " + a.idempotencyKey() + " to webhook "
            + hook), a.lastError().orElseThrow());
      }
      assertEquals(0, d.deliverDue(), "nothing is due before its backoff");

      r.up();
      clock.advance(Duration.ofSeconds(31));
      assertEquals(3, d.deliverDue());
      assertEquals(Set.of(DeliveryState.DELIVERED), states());
      assertEquals(3, r.received().size());
    }
  }

  @Test
  void aRepeatCarriesTheSameIdempotencyKey() {
    try (TestReceiver r = new TestReceiver(TestReceiver.Reply.of(503), TestReceiver.Reply.of(200))) {
      long hook = webhooks.create(account, r.url("/hook"), "s3cret", WebhookFormat.SLACK);
      enqueue("k1", new Recipient.Webhook(hook));
      OutboxDelivery d = delivery();
      d.deliverDue();
      assertEquals(Set.of(DeliveryState.PENDING), states());
      clock.advance(Duration.ofSeconds(31));
      d.deliverDue();
      assertEquals(Set.of(DeliveryState.DELIVERED), states());
      assertEquals(List.of("k1", "k1"), r.received().stream().map(q -> q.header("Idempotency-Key")).toList());
      assertEquals(List.of("k1", "k1"), r.received().stream().map(q -> q.header("webhook-id")).toList());
    }
  }

  @Test
  void anAlertOlderThanTheMaxAgeIsGivenUpWithTheReason() {
    try (TestReceiver r = new TestReceiver(TestReceiver.Reply.of(500))) {
      long hook = webhooks.create(account, r.url("/hook"), "s3cret", WebhookFormat.JSON);
      enqueue("k1", new Recipient.Webhook(hook));
      OutboxDelivery d = delivery();
      d.deliverDue();
      clock.advance(Duration.ofHours(25));
      d.deliverDue();

      Alert a = alerts().get(0);
      assertEquals(DeliveryState.GAVE_UP, a.state());
      assertTrue(a.lastError().orElseThrow().startsWith("expired after 25h (last error: error posting alert k1"),
          a.lastError().orElseThrow());
      assertEquals(1, r.received().size(), "not tried again");
    }
  }

  @Test
  void aDisabledWebhookIsGivenUp() {
    long hook = webhooks.create(account, "https://hooks.example/x", "", WebhookFormat.JSON);
    webhooks.setEnabled(account, hook, false);
    enqueue("k1", new Recipient.Webhook(hook));
    delivery().deliverDue();
    assertEquals(Optional.of("error posting to webhook " + hook + ": it is disabled"), alerts().get(0).lastError());
    assertEquals(Set.of(DeliveryState.GAVE_UP), states());
  }

  @Test
  void aChannelThatThrowsCostsThatAlertAnAttemptAndNotThePass() {
    long hook = webhooks.create(account, "https://hooks.example/x", "", WebhookFormat.JSON);
    enqueue("k1", new Recipient.Webhook(hook));
    enqueue("k2", new Recipient.Webhook(hook));
    WebhookChannel brokenForK1 = (w, a) -> {
      if (a.idempotencyKey().equals("k1")) {
        throw new IllegalStateException("boom");
      }
      return new DeliveryResult.Delivered();
    };
    assertEquals(2, delivery(brokenForK1, Optional.empty()).deliverDue());
    for (Alert a : alerts()) {
      assertEquals(a.idempotencyKey().equals("k1") ? DeliveryState.PENDING : DeliveryState.DELIVERED, a.state());
    }
  }

  @Test
  void severalDueAlertsForOneAddressGoOutAsOneDigest() {
    List<String> sent = new ArrayList<>();
    EmailChannel recording = new EmailChannel() {
      @Override
      public DeliveryResult send(String address, Alert alert) {
        sent.add(address + ":" + alert.idempotencyKey());
        return new DeliveryResult.Delivered();
      }

      @Override
      public DeliveryResult sendDigest(String address, List<Alert> alerts) {
        sent.add(address + ":digest:" + alerts.size());
        return new DeliveryResult.Delivered();
      }
    };
    for (int i = 0; i < 5; i++) {
      enqueue("d" + i, new Recipient.Email("sec@mybank.example"));
    }
    enqueue("single", new Recipient.Email("other@mybank.example"));
    delivery((w, a) -> new DeliveryResult.Delivered(), Optional.of(recording)).deliverDue();
    assertEquals(List.of("sec@mybank.example:digest:5", "other@mybank.example:single"), sent);
    assertEquals(Set.of(DeliveryState.DELIVERED), states());
  }

  @Test
  void theLoopDeliversWhenWoken() throws Exception {
    try (TestReceiver r = new TestReceiver(); OutboxDelivery d = delivery()) {
      long hook = webhooks.create(account, r.url("/hook"), "s3cret", WebhookFormat.TEAMS);
      d.start();
      enqueue("k1", new Recipient.Webhook(hook));
      d.wake();
      TestReceiver.await("the alert is delivered", () -> states().equals(Set.of(DeliveryState.DELIVERED)));
      assertEquals(1, r.received().size());
    }
  }

  @Test
  void sendTestPostsASampleAlertNowWithoutTheOutbox() {
    try (TestReceiver r = new TestReceiver()) {
      long hook = webhooks.create(account, r.url("/hook"), "s3cret", WebhookFormat.JSON);
      DeliveryResult res = delivery().sendTest(webhooks.get(account, hook).orElseThrow());
      assertInstanceOf(DeliveryResult.Delivered.class, res);
      assertTrue(r.received().get(0).header("webhook-id").startsWith("test-"));
      assertEquals(List.of(), alerts());
      assertInstanceOf(DeliveryResult.GaveUp.class, delivery().sendTest("alice@example.com"), "no smtp configured");
    }
  }
}
