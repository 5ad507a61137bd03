package org.ctmon.alerts.watch;

import java.util.List;

/**
 * One watch list as the matcher sees it: whose it is, what it watches, and whether it also wants
 * lookalike (phishing) names.
 *
 * @param watchlistId the store's id of the watch list
 * @param accountId the account that owns it; hits carry it so nothing crosses accounts
 * @param items what it watches; copied
 * @param lookalikes whether to flag names that imitate its domains
 */
public record WatchTarget(long watchlistId, long accountId, List<WatchItem> items, boolean lookalikes) {
  /** Copies the items. */
  public WatchTarget {
    items = List.copyOf(items);
  }
}
