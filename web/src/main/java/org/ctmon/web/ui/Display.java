package org.ctmon.web.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the UI writes times, durations and counts: UTC, short, the same on every page. */
final class Display {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private Display() {}

  static String when(Instant t) {
    return WHEN.format(t);
  }

  static String day(Instant t) {
    return DAY.format(t);
  }

  /** {@code 45 s}, {@code 3 min}, {@code 2 h 5 min}, {@code 3 d}. */
  static String duration(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 90) {
      return s + " s";
    }
    if (s < 3600) {
      return (s + 30) / 60 + " min";
    }
    if (s < 2 * 86400) {
      long m = s / 60;
      return m / 60 + " h" + (m % 60 == 0 ? "" : " " + m % 60 + " min");
    }
    return s / 86400 + " d";
  }

  /** Thousands separated by a thin space: {@code 1 234 567}. */
  static String count(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n).replace(',', '\u202f');
  }
}
