package org.ctmon.alerts.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.ctmon.alerts.outbox.Alert;
import org.ctmon.alerts.outbox.Recipient;
import org.ctmon.alerts.outbox.Webhook;
import org.ctmon.alerts.stored.Outbox;
import org.ctmon.alerts.stored.Webhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: claims due alerts, sends each through the channel of its recipient and
 * records the result.
 *
 * <pre>
 *  outbox ──claimDue(lease)──> expired? ──yes──> gaveUp("expired after …")
 *                                 │no
 *                 webhook ────────┴──────── email (several for one address: a digest)
 *                    │                          │
 *             delivered / retryAt / gaveUp  <───┘
 * </pre>
 *
 * <p><b>At least once, never silently lost.</b> A crash (or a lost database connection) between
 * the receiver's 2xx or the SMTP server's 250 and {@link Outbox#delivered} leaves the row
 * pending; when its lease ends it is sent again, with the same idempotency key
 * ({@code webhook-id}, {@code Idempotency-Key}, the email's {@code Message-ID} and
 * {@code X-Ctmon-Alert-Id}), so receivers can drop the repeat. The lease also keeps two nodes
 * from sending the same alert at the same time; it must exceed the time to deliver one batch.
 *
 * <p>A channel that throws is recorded as a retry for that alert and the pass goes on. Thread
 * safe: passes may run concurrently (each claims its own rows); {@link #start()} runs them on
 * one daemon thread, waking every {@code pollInterval} or on {@link #wake()}.
 */
public final class OutboxDelivery implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);

  /**
   * How the delivery runs.
   *
   * @param batchSize alerts claimed per pass
   * @param lease how long a claim keeps other nodes off an alert
   * @param maxAge an alert older than this is given up, not tried again
   * @param pollInterval how often the loop looks for due alerts when not woken
   * @param digestThreshold this many due alerts for one email address go out as one digest
   */
  public record Settings(int batchSize, Duration lease, Duration maxAge, Duration pollInterval, int digestThreshold) {
    /** 20 a pass, 10 min lease, 24 h max age, every second, digests from 5 alerts. */
    public static final Settings DEFAULTS =
        new Settings(20, Duration.ofMinutes(10), Duration.ofHours(24), Duration.ofSeconds(1), 5);

    public Settings {
      if (batchSize < 1 || batchSize > Outbox.MAX_LIMIT) {
        throw new IllegalArgumentException("batch size must be 1.." + Outbox.MAX_LIMIT + ", not " + batchSize);
      }
      for (Duration d : List.of(lease, maxAge, pollInterval)) {
        if (d.isNegative() || d.isZero()) {
          throw new IllegalArgumentException("delivery durations must be positive, not " + d);
        }
      }
      if (digestThreshold < 2) {
        throw new IllegalArgumentException("digest threshold must be at least 2, not " + digestThreshold);
      }
    }
  }

  private final Outbox outbox;
  private final Webhooks webhooks;
  private final WebhookChannel webhookChannel;
  private final Optional<EmailChannel> emailChannel;
  private final Clock clock;
  private final RandomGenerator random;
  private final Settings settings;
  private final Object signal = new Object();
  private boolean woken;
  private boolean closed;
  private Thread thread;

  /**
   * A delivery over the store's outbox.
   *
   * @param emailChannel empty when no SMTP server is configured: email alerts then wait (and
   *     expire after {@code maxAge}) with the error "no smtp server configured"
   * @param random for the test alerts' keys
   */
  public OutboxDelivery(Outbox outbox, Webhooks webhooks, WebhookChannel webhookChannel,
                        Optional<EmailChannel> emailChannel, Clock clock, RandomGenerator random, Settings settings) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
    this.webhookChannel = Objects.requireNonNull(webhookChannel, "webhookChannel");
    this.emailChannel = Objects.requireNonNull(emailChannel, "emailChannel");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** One pass: claims up to a batch of due alerts and attempts each once; returns how many were claimed. */
  public int deliverDue() {
    List<Alert> claimed = outbox.claimDue(settings.batchSize(), settings.lease());
    Map<String, List<Alert>> byAddress = new LinkedHashMap<>();
    for (Alert a : claimed) {
      Duration age = Duration.between(a.createdAt(), clock.instant());
      if (age.compareTo(settings.maxAge()) >= 0) {
        outbox.gaveUp(a.id(), "expired after " + human(age) + a.lastError().map(e -> " (last error: " + e + ")").orElse(""));
      } else if (a.recipient() instanceof Recipient.Email e) {
        byAddress.computeIfAbsent(e.address(), k -> new ArrayList<>()).add(a);
      } else if (a.recipient() instanceof Recipient.Webhook w) {
        record(List.of(a), guarded(a, () -> toWebhook(a, w.webhookId())));
      } else {
        throw new AssertionError("unknown recipient " + a.recipient());
      }
    }
    byAddress.forEach((address, alerts) -> {
      if (alerts.size() >= settings.digestThreshold()) {
        record(alerts, guarded(alerts.get(0), () -> toEmail(address, alerts)));
      } else {
        for (Alert a : alerts) {
          record(List.of(a), guarded(a, () -> toEmail(address, List.of(a))));
        }
      }
    });
    return claimed.size();
  }

  /** Sends a sample alert to the webhook now, outside the outbox (the UI's "send test"). */
  public DeliveryResult sendTest(Webhook webhook) {
    Alert sample = SampleAlert.of(webhook.accountId(), new Recipient.Webhook(webhook.id()), clock.instant(), random);
    return webhookChannel.send(webhook, sample);
  }

  /** Mails a sample alert to the address now, outside the outbox (the UI's "send test"). */
  public DeliveryResult sendTest(String emailAddress) {
    Alert sample = SampleAlert.of(0, new Recipient.Email(emailAddress), clock.instant(), random);
    return emailChannel.<DeliveryResult>map(c -> c.send(emailAddress, sample))
        .orElse(new DeliveryResult.GaveUp("error mailing " + emailAddress + ": no smtp server configured"));
  }

  /** Starts the delivery loop on a daemon thread; at most once. */
  public synchronized void start() {
    if (thread != null || closed) {
      throw new IllegalStateException("the outbox delivery was already started or closed");
    }
    thread = new Thread(this::loop, "ctmon-outbox-delivery");
    thread.setDaemon(true);
    thread.start();
  }

  /** Makes the loop look for due alerts now (call it after a commit that wrote alerts). */
  public void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  /** Stops the loop after the alert in hand and waits for it; idempotent. */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      t = thread;
    }
    synchronized (signal) {
      closed = true;
      signal.notifyAll();
    }
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void loop() {
    while (true) {
      synchronized (signal) {
        if (closed) {
          return;
        }
        woken = false;
      }
      int claimed = 0;
      try {
        claimed = deliverDue();
      } catch (RuntimeException e) {
        LOG.warn("error delivering the outbox: {}", e.toString());
      }
      if (claimed >= settings.batchSize()) {
        continue; // more may be due: no pause
      }
      synchronized (signal) {
        long until = System.nanoTime() + settings.pollInterval().toNanos();
        while (!woken && !closed) {
          long left = until - System.nanoTime();
          if (left <= 0) {
            break;
          }
          try {
            signal.wait(Math.max(1, left / 1_000_000));
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    }
  }

  private DeliveryResult toWebhook(Alert a, long webhookId) {
    Optional<Webhook> w = webhooks.get(a.accountId(), webhookId);
    if (w.isEmpty()) {
      return new DeliveryResult.GaveUp("error posting to webhook " + webhookId + ": it was deleted");
    }
    if (!w.get().enabled()) {
      return new DeliveryResult.GaveUp("error posting to webhook " + webhookId + ": it is disabled");
    }
    return webhookChannel.send(w.get(), a);
  }

  private DeliveryResult toEmail(String address, List<Alert> alerts) {
    if (emailChannel.isEmpty()) {
      Alert first = alerts.get(0);
      return new DeliveryResult.RetryAt(new DeliveryBackoff(clock, random).next(first.attempts() + 1),
          "error mailing " + address + ": no smtp server configured");
    }
    return alerts.size() == 1 ? emailChannel.get().send(address, alerts.get(0))
        : emailChannel.get().sendDigest(address, alerts);
  }

  private DeliveryResult guarded(Alert a, Supplier<DeliveryResult> attempt) {
    try {
      return Objects.requireNonNull(attempt.get(), "delivery result");
    } catch (RuntimeException e) {
      // A bug or an unexpected library failure must cost one alert an attempt, not the pass.
      LOG.warn("error delivering alert {}: {}", a.idempotencyKey(), e.toString(), e);
      return new DeliveryResult.RetryAt(new DeliveryBackoff(clock, random).next(a.attempts() + 1),
          "error delivering alert: " + e);
    }
  }

  private void record(List<Alert> alerts, DeliveryResult result) {
    for (Alert a : alerts) {
      try {
        if (result instanceof DeliveryResult.Delivered) {
          outbox.delivered(a.id());
        } else if (result instanceof DeliveryResult.RetryAt r) {
          outbox.retryAt(a.id(), r.when(), r.error());
        } else if (result instanceof DeliveryResult.GaveUp g) {
          outbox.gaveUp(a.id(), g.error());
        } else {
          throw new AssertionError("unknown delivery result " + result);
        }
      } catch (RuntimeException e) {
        // The lease brings the alert back; the receiver sees a repeat with the same key.
        LOG.warn("error recording delivery of alert {}: {}", a.idempotencyKey(), e.toString());
      }
    }
  }

  static String human(Duration d) {
    long h = d.toHours();
    return h >= 1 ? h + "h" + (d.toMinutesPart() > 0 ? d.toMinutesPart() + "m" : "") : d.toMinutes() + "m";
  }
}
