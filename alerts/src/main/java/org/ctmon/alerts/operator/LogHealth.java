package org.ctmon.alerts.operator;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link HealthAlerts} needs to know of one followed log, in alerts' own words: the
 * application maps the follower's status into it, so alerts need not depend on the fetcher.
 *
 * @param logIdBase64 the log's id, base64 as in the log list (1..64 characters)
 * @param description the log list's name for it
 * @param stopped whether ctmon stopped following it for misbehaviour: its incident alert said so,
 *     so it is not reported again as stale or behind
 * @param lastVerifiedHeadAt when ctmon last fetched a tree head from it and verified its
 *     signature, the same head again included (a frozen log that still answers is alive); empty
 *     when none since ctmon started following it
 * @param backlog entries between what ctmon has processed and the log's latest verified head
 * @param lastError the most recent error following it, if any
 * @param lastErrorAt when that error happened
 */
public record LogHealth(String logIdBase64, String description, boolean stopped, Optional<Instant> lastVerifiedHeadAt,
                        long backlog, Optional<String> lastError, Optional<Instant> lastErrorAt) {
  public LogHealth {
    if (logIdBase64 == null || logIdBase64.isEmpty() || logIdBase64.length() > 64) {
      throw new IllegalArgumentException("a log id has 1..64 characters");
    }
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(lastVerifiedHeadAt, "lastVerifiedHeadAt");
    Objects.requireNonNull(lastError, "lastError");
    Objects.requireNonNull(lastErrorAt, "lastErrorAt");
    if (backlog < 0) {
      throw new IllegalArgumentException("backlog of log " + logIdBase64 + " is negative: " + backlog);
    }
  }

  /** A log's name for messages: its description, else its id. */
  String name() {
    return description.isBlank() ? logIdBase64 : description;
  }
}
