package org.ctmon.web.serve;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.ctmon.alerts.delivery.DeliveryBackoff;
import org.ctmon.alerts.delivery.EmailChannel;
import org.ctmon.alerts.delivery.OutboxDelivery;
import org.ctmon.alerts.email.EmailSender;
import org.ctmon.alerts.email.SmtpSettings;
import org.ctmon.alerts.match.HistoryScan;
import org.ctmon.alerts.match.WatchStateSource;
import org.ctmon.alerts.match.WatchedIngest;
import org.ctmon.alerts.stored.Outbox;
import org.ctmon.alerts.stored.Webhooks;
import org.ctmon.alerts.watch.CaaIssuers;
import org.ctmon.alerts.webhook.WebhookSender;
import org.ctmon.alerts.webhook.WebhookTargetPolicy;
import org.ctmon.fetcher.http.HttpConfig;
import org.ctmon.fetcher.follow.FollowerStatus;
import org.ctmon.store.Store;
import org.ctmon.store.ingest.Ingest;
import org.ctmon.web.api.AccountApis;
import org.ctmon.web.api.TestDelivery;
import org.ctmon.web.api.WatchlistListener;
import org.ctmon.web.config.Config;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert parts of a running ctmon, built from {@code alerts.*}: the watch lists applied to
 * every batch ({@link #ingest()}), the history scan of a saved list, and the delivery of the
 * outbox by email and webhook. One per process; {@link #close()} stops its threads.
 */
final class Alerting implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Alerting.class);

  private final WatchStateSource watch;
  private final WatchedIngest ingest;
  private final HistoryScan history;
  private final OutboxDelivery delivery;
  private final WebhookTargetPolicy targets;
  private final CaaIssuers caa;
  private final OperatorAlerting operator;

  Alerting(Config config, Store store, Clock clock, Supplier<List<FollowerStatus>> statuses) {
    Config.Alerts a = config.alerts();
    caa = a.caaIssuers().isEmpty() ? CaaIssuers.bundled() : CaaIssuers.bundled().withExtra(Path.of(a.caaIssuers()));
    String publicUrl = a.publicUrl().isEmpty()
        ? "http://" + config.http().bind() + ":" + config.http().port() : a.publicUrl();
    SecureRandom random = new SecureRandom();
    DeliveryBackoff backoff = new DeliveryBackoff(clock, random);
    targets = new WebhookTargetPolicy(a.allowPrivateTargets());
    WebhookSender webhooks = new WebhookSender(new OkHttpClient(), targets, backoff, clock,
        HttpConfig.withContact(config.fetch().contact()).userAgent());
    Optional<EmailChannel> email = Optional.empty();
    if (!a.smtpHost().isEmpty()) {
      email = Optional.of(new EmailSender(SmtpSettings.of(a.smtpHost(), a.smtpPort(),
          SmtpSettings.Security.valueOf(a.smtpSecurity().toUpperCase(Locale.ROOT)),
          Optional.of(a.smtpUsername()).filter(s -> !s.isEmpty()), Optional.of(a.smtpPassword()).filter(s -> !s.isEmpty()),
          a.smtpFrom()), backoff, clock));
    } else {
      LOG.info("alerts.smtp.host is not set: email alerts wait in the outbox (webhooks are delivered)");
    }
    OutboxDelivery.Settings d = OutboxDelivery.Settings.DEFAULTS;
    delivery = new OutboxDelivery(new Outbox(store.jdbi(), clock), new Webhooks(store.jdbi(), clock), webhooks, email,
        clock, random, new OutboxDelivery.Settings(d.batchSize(), a.deliveryLease(), a.maxAge(), d.pollInterval(),
            d.digestThreshold()));
    watch = new WatchStateSource(store.jdbi(), clock, caa);
    watch.refresh();
    ingest = new WatchedIngest(new Ingest(store.jdbi(), clock, config.retention().keepAllDer()), watch, publicUrl,
        delivery::wake);
    history = new HistoryScan(store.jdbi(), clock, watch, publicUrl, delivery::wake);
    operator = new OperatorAlerting(store, clock, targets,
        a.heartbeatUrl().isEmpty() ? Optional.empty() : Optional.of(URI.create(a.heartbeatUrl())),
        a.heartbeatInterval(), HttpConfig.withContact(config.fetch().contact()).userAgent(),
        statuses, delivery::wake);
  }

  void start(FollowScheduler scheduler, Supplier<List<FollowerStatus>> statuses,
             Supplier<Optional<Instant>> listTimestamp) {
    delivery.start();
    operator.start(scheduler, statuses, listTimestamp);
    scheduler.every("watch-lists", Duration.ofSeconds(2), watch::refreshIfChanged, false);
    // Edits made outside this process (ctmon watchlist import, another node) are not announced.
    scheduler.every("watch-lists-reload", Duration.ofMinutes(1), watch::refresh, false);
  }

  /** The account API, wired to this process's matcher and delivery. */
  AccountApis accountApis(Jdbi jdbi, Clock clock) {
    return new AccountApis(jdbi, clock, targets.allowPrivateTargets(), caa, TestDelivery.of(delivery),
        watchlistListener());
  }

  /** What the API and the pages tell when a watch list is saved or deleted. */
  WatchlistListener watchlistListener() {
    return new WatchlistListener() {
      @Override
      public void saved(long accountId, long watchlistId) {
        Alerting.this.saved(accountId, watchlistId);
      }

      @Override
      public void deleted(long accountId, long watchlistId) {
        watch.refresh();
      }
    };
  }

  /** The CAA-identifier table watch lists are checked with. */
  CaaIssuers caa() {
    return caa;
  }

  WatchedIngest ingest() {
    return ingest;
  }

  OutboxDelivery delivery() {
    return delivery;
  }

  WebhookTargetPolicy targets() {
    return targets;
  }

  /** Watch lists may have changed outside the API (a command): apply them to new batches now. */
  void watchListsChanged() {
    watch.refresh();
  }

  /** A watch list was saved: apply it to new batches now, and match it against what is stored. */
  void saved(long accountId, long watchlistId) {
    watch.refresh();
    history.submit(accountId, watchlistId);
  }

  @Override
  public void close() {
    operator.close();
    delivery.close();
    history.close();
  }
}
