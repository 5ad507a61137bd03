package org.ctmon.fetcher.follow;

import java.util.Locale;

/**
 * Where a follower starts in a log it has never followed (the config key {@code logs.startAt}).
 *
 * <p>{@link #END} (the default, like certspotter's {@code -start_at_end}) seeds the compact range at
 * the log's current verified head and fetches only what is logged afterwards; {@link #BEGINNING}
 * fetches the whole log from index 0; {@link Index} seeds the compact range of the first
 * {@code index} entries from the log (the audit path of entry {@code index - 1}, or hash tiles) and
 * fetches from {@code index} on. An index at or beyond the log's size starts at the end.
 */
public sealed interface StartPosition {
  /** The log's current size: only what is logged from now on. */
  StartPosition END = new End();

  /** Entry 0: the whole history of the log. */
  StartPosition BEGINNING = new Beginning();

  /** See {@link #END}. */
  record End() implements StartPosition {
    @Override
    public String toString() {
      return "end";
    }
  }

  /** See {@link #BEGINNING}. */
  record Beginning() implements StartPosition {
    @Override
    public String toString() {
      return "beginning";
    }
  }

  /**
   * Entry {@code index} (positive; entry 0 is {@link #BEGINNING}): entries before it are never
   * fetched.
   */
  record Index(long index) implements StartPosition {
    public Index {
      if (index <= 0) {
        throw new IllegalArgumentException("start index " + index + " is not positive (0 is the beginning)");
      }
    }

    @Override
    public String toString() {
      return Long.toString(index);
    }
  }

  /**
   * {@code end}, {@code beginning} (case-insensitive), {@code 0} (the beginning) or a positive
   * decimal entry index.
   *
   * @throws IllegalArgumentException for anything else, naming the text
   */
  static StartPosition parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    if (s.equals("end")) {
      return END;
    }
    if (s.equals("beginning")) {
      return BEGINNING;
    }
    if (!s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      long index;
      try {
        index = Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("start position \"" + text + "\" is too large an entry index");
      }
      return index == 0 ? BEGINNING : new Index(index);
    }
    throw new IllegalArgumentException("start position \"" + text + "\" is not end, beginning or an entry index");
  }
}
