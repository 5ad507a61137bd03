package org.ctmon.fetcher.loglist;

import java.util.Locale;

/**
 * A log's {@code log_type}: {@link #PROD} when the list gives none, {@link #TEST}, {@link
 * #MONITORING_ONLY} (static-ct-api logs that Chrome lists for monitors but not for SCTs), or any
 * other value, kept as its lower-case text so a new type is not lost.
 */
public record LogType(String name) {
  /** A production log (the default when {@code log_type} is absent). */
  public static final LogType PROD = new LogType("prod");
  /** A test log: not trusted, not followed unless asked. */
  public static final LogType TEST = new LogType("test");
  /** A log listed for monitoring only. */
  public static final LogType MONITORING_ONLY = new LogType("monitoring_only");

  public LogType {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a log type needs a name");
    }
    name = name.trim().toLowerCase(Locale.ROOT);
  }

  /** The type named {@code name}, case-insensitive. */
  public static LogType of(String name) {
    return new LogType(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
