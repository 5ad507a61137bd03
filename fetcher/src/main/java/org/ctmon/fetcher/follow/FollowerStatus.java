package org.ctmon.fetcher.follow;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.treehead.TreeHead;

/**
 * A snapshot of one follower for {@code GET /api/v1/logs}.
 *
 * @param logId the log's id
 * @param description the log list's name for it
 * @param protocol {@code rfc6962} or {@code static}
 * @param url where requests go (RFC 6962 URL, static monitoring prefix)
 * @param latestHead the last head the log served (verified or not), if any yet
 * @param position every entry below this index is stored
 * @param lag entries the log has that are not stored yet ({@code latestHead size - position}, not
 *     below 0)
 * @param verified the last head the stored entries reproduced
 * @param verifiedAge how old that head is (from its timestamp to now)
 * @param health ok, failing, backing off, stopped
 * @param lastError the last error, lower case, naming the log URL and request (kept after the log
 *     recovers, with its time: a log that fails now and then but keeps up shows both)
 * @param lastErrorAt when the last error happened
 * @param nextAttempt when a backing-off follower tries again
 * @param consecutiveFailures failed requests in a row since the last success
 * @param config the ceilings this follower fetches within (with any {@code fetch.perLog} override)
 * @param pace what the follower learned of the log: page size, window, requests in flight and per
 *     second, and why they last changed
 * @param entriesPerSecond entries committed per second over the last minute
 * @param lastProgress when the position last moved
 */
public record FollowerStatus(Sha256 logId, String description, String protocol, String url,
                             Optional<TreeHead> latestHead, long position, long lag,
                             Optional<TreeHead> verified, Optional<Duration> verifiedAge,
                             FollowerHealth health, Optional<String> lastError, Optional<Instant> lastErrorAt,
                             Optional<Instant> nextAttempt, int consecutiveFailures, FollowerConfig config,
                             PaceStatus pace, double entriesPerSecond, Optional<Instant> lastProgress) {
  public FollowerStatus {
    Objects.requireNonNull(logId, "logId");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(latestHead, "latestHead");
    Objects.requireNonNull(verified, "verified");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(verifiedAge, "verifiedAge");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(lastError, "lastError");
    Objects.requireNonNull(nextAttempt, "nextAttempt");
    Objects.requireNonNull(lastErrorAt, "lastErrorAt");
    Objects.requireNonNull(pace, "pace");
    Objects.requireNonNull(lastProgress, "lastProgress");
  }
}
