package org.ctmon.store.issuance;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A search: what to look for and which issuances to leave out.
 *
 * @param criterion what to look for
 * @param includeExpired whether issuances whose notAfter is before {@code now} are included
 * @param now the time "expired" is judged at (from the caller's clock)
 * @param seenFrom only issuances first seen at or after this time
 * @param seenUntil only issuances first seen before this time
 */
public record IssuanceQuery(Criterion criterion, boolean includeExpired, Instant now, Optional<Instant> seenFrom,
                            Optional<Instant> seenUntil) {
  public IssuanceQuery {
    Objects.requireNonNull(criterion, "criterion");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(seenFrom, "seenFrom");
    Objects.requireNonNull(seenUntil, "seenUntil");
  }

  /** Everything matching {@code criterion}, expired or not, at any time. */
  public static IssuanceQuery of(Criterion criterion, Instant now) {
    return new IssuanceQuery(criterion, true, now, Optional.empty(), Optional.empty());
  }

  /** The same search without expired issuances. */
  public IssuanceQuery unexpiredOnly() {
    return new IssuanceQuery(criterion, false, now, seenFrom, seenUntil);
  }

  /** The same search limited to issuances first seen in [from, until). */
  public IssuanceQuery seenBetween(Instant from, Instant until) {
    return new IssuanceQuery(criterion, includeExpired, now, Optional.of(from), Optional.of(until));
  }
}
