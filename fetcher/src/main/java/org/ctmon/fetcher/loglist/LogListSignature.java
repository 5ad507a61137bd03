package org.ctmon.fetcher.loglist;

import java.util.Locale;

/**
 * Whether a log list fetched from a URL must carry Google's signature ({@code logs.listSignature}).
 * The list decides which logs ctmon trusts; a list swapped on the way or on a mirror could drop
 * real logs or add an attacker's, so the official list is checked the way Chrome checks it.
 */
public enum LogListSignature {
  /**
   * Check the detached signature ({@code X.sig} next to {@code X.json}) when the server has one;
   * require it from www.gstatic.com, where Google publishes the official list.
   */
  AUTO,
  /** Refuse a list without a valid signature under Google's key. */
  REQUIRED,
  /** Do not look for a signature (a list you build yourself). */
  NONE;

  /** The configured text: auto, required or none. */
  public static LogListSignature parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be auto, required or none");
    }
  }
}
