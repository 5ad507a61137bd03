package org.ctmon.fetcher.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses {@code Retry-After} (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. A date is measured
 * from the response's own {@code Date} header when it has one (so a skewed local clock does not
 * matter), else from the local clock. The result is capped at {@link #MAX} so a typo or a hostile
 * log cannot park a follower for long; a date in the past gives zero; garbage gives nothing.
 */
final class RetryAfter {
  /** The longest wait a log can ask for. */
  static final Duration MAX = Duration.ofMinutes(10);

  private RetryAfter() {}

  static Optional<Duration> parse(String header, String dateHeader, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String v = header.trim();
    if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      if (v.length() > 9) {
        return Optional.of(MAX);
      }
      return Optional.of(cap(Duration.ofSeconds(Long.parseLong(v))));
    }
    Optional<Instant> at = httpDate(v);
    if (at.isEmpty()) {
      return Optional.empty();
    }
    Instant reference = httpDate(dateHeader).orElse(now);
    Duration d = Duration.between(reference, at.get());
    return Optional.of(d.isNegative() ? Duration.ZERO : cap(d));
  }

  private static Duration cap(Duration d) {
    return d.compareTo(MAX) > 0 ? MAX : d;
  }

  private static Optional<Instant> httpDate(String s) {
    if (s == null || s.isBlank()) {
      return Optional.empty();
    }
    try {
      // IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") is RFC 1123's format.
      return Optional.of(ZonedDateTime.parse(s.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
