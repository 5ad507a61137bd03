package org.ctmon.alerts.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.ctmon.alerts.webhook.WebhookTargetPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs a small status to a fixed URL every interval, so a dead-man's switch outside ctmon
 * (Healthchecks.io, Uptime Kuma, a cron monitor) notices when ctmon stops: no alert can say that
 * ctmon is down. The body is {@code {"type": "heartbeat", "at", "logs_followed", "logs_failing",
 * "alerts_pending"}}.
 *
 * <p>Never throws from {@link #beat}: a missed beat is what the outside monitor is for. Failures
 * are logged at most once per hour, and a recovery once. The target is held to the
 * {@link WebhookTargetPolicy} like any webhook (checked at connect time); 5 s timeouts; no
 * redirects, no proxy, no silent retries. Thread safe.
 */
public final class Heartbeat implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  private static final Duration LOG_EVERY = Duration.ofHours(1);
  private final URI url;
  private final Duration interval;
  private final WebhookTargetPolicy policy;
  private final OkHttpClient client;
  private final Clock clock;
  private final String userAgent;
  private final Supplier<HeartbeatStatus> status;
  private Instant lastWarned;
  private int failedSinceWarned;
  private int failing;
  private Optional<String> lastError = Optional.empty();
  private int warnings;
  private ScheduledExecutorService scheduler;

  /**
   * A heartbeat on a client derived from {@code shared} (its pool and dispatcher).
   *
   * @param url where to POST (http or https)
   * @param interval time between beats once {@link #start()}ed
   * @param userAgent e.g. {@code ctmon/0.1 (+https://ctmon.example/; ops@example.com)}
   * @param status read at every beat; an exception from it is a failed beat
   */
  public Heartbeat(URI url, Duration interval, WebhookTargetPolicy policy, OkHttpClient shared, Clock clock,
                   String userAgent, Supplier<HeartbeatStatus> status) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the heartbeat interval must be positive, not " + interval);
    }
    this.url = url;
    this.interval = interval;
    this.policy = policy;
    this.client = policy.client(shared, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
    this.clock = clock;
    this.userAgent = userAgent;
    this.status = status;
  }

  /** Sends one beat now; returns whether the receiver answered 2xx. Never throws. */
  public boolean beat() {
    Instant now = clock.instant();
    String where = "error sending heartbeat to " + origin();
    try {
      Optional<String> refused = refusal();
      if (refused.isPresent()) {
        return failed(now, where + ": " + refused.get());
      }
      HeartbeatStatus s = status.get();
      byte[] body = JSON.createObjectNode()
          .put("type", "heartbeat")
          .put("at", now.toString())
          .put("logs_followed", s.logsFollowed())
          .put("logs_failing", s.logsFailing())
          .put("alerts_pending", s.alertsPending())
          .toString().getBytes(StandardCharsets.UTF_8);
      Request request = new Request.Builder().url(url.toString()).post(RequestBody.create(body, JSON_TYPE))
          .header("User-Agent", userAgent).header("X-Ctmon-Event", "heartbeat").build();
      try (Response response = client.newCall(request).execute()) {
        if (response.code() < 200 || response.code() >= 300) {
          return failed(now, where + ": HTTP " + response.code()
              + (response.isRedirect() ? " (redirects are not followed)" : ""));
        }
      }
      recovered();
      return true;
    } catch (IOException | RuntimeException e) {
      return failed(now, where + ": " + e);
    }
  }

  /** The error of the last beat, empty when it was delivered (or none was sent yet). */
  public synchronized Optional<String> lastError() {
    return lastError;
  }

  /** Beats every interval, first at once, on a daemon thread of its own, until {@link #close()}. */
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "ctmon-heartbeat");
      t.setDaemon(true);
      return t;
    });
    scheduler.scheduleWithFixedDelay(this::beat, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  /** How many warnings were logged: for tests of the once-an-hour rule. */
  synchronized int warningsLogged() {
    return warnings;
  }

  private synchronized boolean failed(Instant now, String error) {
    failing++;
    lastError = Optional.of(error);
    if (lastWarned == null || Duration.between(lastWarned, now).compareTo(LOG_EVERY) >= 0) {
      LOG.warn("{}{}", error,
          failedSinceWarned == 0 ? "" : " (" + failedSinceWarned + " more failed since the last warning)");
      warnings++;
      lastWarned = now;
      failedSinceWarned = 0;
    } else {
      failedSinceWarned++;
    }
    return false;
  }

  private synchronized void recovered() {
    if (failing > 0) {
      LOG.info("heartbeat to {} delivered again after {} failed", origin(), failing);
    }
    failing = 0;
    failedSinceWarned = 0;
    lastWarned = null;
    lastError = Optional.empty();
  }

  /** Scheme and host literals are checked here: an IP address never reaches the policy's resolver. */
  private Optional<String> refusal() {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("only http and https are allowed");
    }
    String host = url.getHost();
    if (host == null || host.isEmpty()) {
      return Optional.of("the url has no host");
    }
    boolean literal = host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    return literal ? policy.check(url).map(why -> why.replace(url.toString(), origin())) : Optional.empty();
  }

  /** Scheme, host and port: the path of a dead-man's-switch URL is often its secret. */
  private String origin() {
    return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + "/…";
  }
}
