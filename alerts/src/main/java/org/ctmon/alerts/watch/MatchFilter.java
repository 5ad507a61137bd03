package org.ctmon.alerts.watch;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which of an account's matches a listing keeps; every part is optional and they combine with AND.
 *
 * @param watchlistId only this watch list's (of the account)
 * @param verdict only matches with this verdict
 * @param delivery only matches whose alerts stand so ({@link MatchDelivery})
 * @param acknowledged only acknowledged ({@code true}) or only open ({@code false}) matches
 * @param since only matches stored at or after this time
 */
public record MatchFilter(Optional<Long> watchlistId, Optional<Verdict> verdict, Optional<MatchDelivery> delivery,
                          Optional<Boolean> acknowledged, Optional<Instant> since) {
  /** Every match of the account. */
  public static final MatchFilter ALL = new MatchFilter(Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty());

  public MatchFilter {
    Objects.requireNonNull(watchlistId, "watchlistId");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(acknowledged, "acknowledged");
    Objects.requireNonNull(since, "since");
  }

  public MatchFilter withWatchlist(long id) {
    return new MatchFilter(Optional.of(id), verdict, delivery, acknowledged, since);
  }

  public MatchFilter withVerdict(Verdict v) {
    return new MatchFilter(watchlistId, Optional.of(v), delivery, acknowledged, since);
  }

  public MatchFilter withDelivery(MatchDelivery d) {
    return new MatchFilter(watchlistId, verdict, Optional.of(d), acknowledged, since);
  }

  public MatchFilter withAcknowledged(boolean a) {
    return new MatchFilter(watchlistId, verdict, delivery, Optional.of(a), since);
  }

  public MatchFilter withSince(Instant t) {
    return new MatchFilter(watchlistId, verdict, delivery, acknowledged, Optional.of(t));
  }
}
