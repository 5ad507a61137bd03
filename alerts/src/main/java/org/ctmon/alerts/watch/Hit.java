package org.ctmon.alerts.watch;

import java.util.List;

/**
 * What one issuance means to one watch list: the items it matched and, for a list that asked for
 * lookalikes, why its names look like the list's domains.
 *
 * @param watchlistId the watch list
 * @param accountId its owner
 * @param watchItems canonical texts of the matched items, sorted; empty for a lookalike-only hit
 * @param lookalikeOnly true when the issuance matched no item and is reported only as a lookalike
 * @param lookalikeReasons why names look alike, in words ({@code contains mybank}); may be
 *     non-empty on a normal hit when another name of the certificate is a lookalike
 */
public record Hit(long watchlistId, long accountId, List<String> watchItems, boolean lookalikeOnly,
    List<String> lookalikeReasons) {
  /** Copies the lists. */
  public Hit {
    watchItems = List.copyOf(watchItems);
    lookalikeReasons = List.copyOf(lookalikeReasons);
  }
}
