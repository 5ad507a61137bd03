package org.ctmon.fetcher.follow;

import java.util.Locale;

/**
 * Where a follower starts in a log it has never followed (the config key {@code logs.startAt}).
 *
 * <p>{@link #END} (the default, like certspotter's {@code -start_at_end}) seeds the compact range at
 * the log's current verified head and fetches only what is logged afterwards; {@link #BEGINNING}
 * fetches the whole log from index 0. An arbitrary index would need a verified compact range at
 * that index, which no log API offers cheaply; it is not supported.
 */
public enum StartPosition {
  END,
  BEGINNING;

  /** {@code end} or {@code beginning} (also {@code 0}), case-insensitive. */
  public static StartPosition parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    if (s.equals("end")) {
      return END;
    }
    if (s.equals("beginning") || s.equals("0")) {
      return BEGINNING;
    }
    throw new IllegalArgumentException("start position \"" + text + "\" is not end, beginning or 0");
  }
}
