package org.ctmon.web.serve;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.ctmon.alerts.operator.AdminChannels;
import org.ctmon.alerts.operator.HealthAlerts;
import org.ctmon.alerts.operator.Heartbeat;
import org.ctmon.alerts.operator.HeartbeatStatus;
import org.ctmon.alerts.operator.IncidentAlerts;
import org.ctmon.alerts.operator.LogHealth;
import org.ctmon.alerts.stored.EmailRecipients;
import org.ctmon.alerts.stored.Outbox;
import org.ctmon.alerts.stored.Webhooks;
import org.ctmon.alerts.webhook.WebhookTargetPolicy;
import org.ctmon.fetcher.follow.FollowerHealth;
import org.ctmon.fetcher.follow.FollowerStatus;
import org.ctmon.store.Store;
import org.ctmon.store.account.Accounts;
import org.ctmon.store.log.LogIncidents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts for the people who run ctmon (admin accounts): a log caught misbehaving, with its
 * evidence; a log without a verified head for an hour, a growing backlog, a stale log list; and
 * the optional heartbeat an outside monitor waits for.
 */
final class OperatorAlerting implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorAlerting.class);

  private final Clock clock;
  private final IncidentAlerts incidents;
  private final HealthAlerts health;
  private final Optional<Heartbeat> heartbeat;
  private final Runnable alertsWritten;
  private final Duration heartbeatInterval;
  private final Map<String, Instant> lastGood = new ConcurrentHashMap<>();

  OperatorAlerting(Store store, Clock clock, WebhookTargetPolicy targets, Optional<URI> heartbeatUrl,
                   Duration heartbeatInterval, String userAgent, Supplier<List<FollowerStatus>> statuses,
                   Runnable alertsWritten) {
    this.clock = clock;
    AdminChannels channels = new AdminChannels(new Accounts(store.jdbi(), clock, new SecureRandom()),
        new Webhooks(store.jdbi(), clock), new EmailRecipients(store.jdbi(), clock), new Outbox(store.jdbi(), clock));
    this.incidents = new IncidentAlerts(new LogIncidents(store.jdbi()), channels);
    this.health = new HealthAlerts(channels, HealthAlerts.Thresholds.DEFAULTS);
    this.alertsWritten = alertsWritten;
    this.heartbeatInterval = heartbeatInterval;
    this.heartbeat = heartbeatUrl.map(url -> new Heartbeat(url, heartbeatInterval, targets, new OkHttpClient(), clock,
        userAgent, () -> {
          List<FollowerStatus> s = statuses.get();
          int failing = (int) s.stream().filter(f -> f.health() != FollowerHealth.OK).count();
          return new HeartbeatStatus(s.size(), failing, pending(store));
        }));
  }

  void start(FollowScheduler scheduler, Supplier<List<FollowerStatus>> statuses,
             Supplier<Optional<Instant>> listTimestamp) {
    scheduler.every("operator-incident-alerts", Duration.ofSeconds(5), () -> {
      if (incidents.enqueueNew(clock.instant()) > 0) {
        alertsWritten.run();
      }
    }, false);
    scheduler.every("operator-health-alerts", Duration.ofMinutes(1), () -> {
      if (health.check(healthOf(statuses.get()), listTimestamp.get(), clock.instant()) > 0) {
        alertsWritten.run();
      }
    }, false);
    heartbeat.ifPresent(h -> {
      h.start();
      LOG.info("heartbeat: every {} to alerts.heartbeat.url", heartbeatInterval);
    });
  }

  /**
   * The follower's status as the health check reads it. A run that succeeded fetched and verified
   * a head, so the last time a log was seen healthy is when its head was last verified.
   */
  List<LogHealth> healthOf(List<FollowerStatus> statuses) {
    Instant now = clock.instant();
    List<LogHealth> out = new ArrayList<>();
    for (FollowerStatus s : statuses) {
      String id = s.logId().base64();
      if (s.health() == FollowerHealth.OK && s.verified().isPresent()) {
        lastGood.put(id, now);
      }
      out.add(new LogHealth(id, s.description(), s.health() == FollowerHealth.STOPPED,
          Optional.ofNullable(lastGood.get(id)), Math.max(0, s.lag()), s.lastError(), s.lastErrorAt()));
    }
    return out;
  }

  private static long pending(Store store) {
    return store.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE state = 'pending'")
        .mapTo(Long.class).one());
  }

  @Override
  public void close() {
    heartbeat.ifPresent(Heartbeat::close);
  }
}
