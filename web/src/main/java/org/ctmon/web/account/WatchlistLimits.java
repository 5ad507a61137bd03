package org.ctmon.web.account;

/** How large a watch list may be, whichever way it comes in (API body, import file, command). */
public final class WatchlistLimits {
  /** Items in one list; the same cap for never-issue names, expected issuers and known keys. */
  public static final int MAX_ITEMS = 10_000;

  private WatchlistLimits() {}
}
