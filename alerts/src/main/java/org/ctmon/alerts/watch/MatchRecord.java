package org.ctmon.alerts.watch;

import java.util.List;
import java.util.Objects;
import org.ctmon.parser.Sha256;

/**
 * An issuance of the batch that matched a watch list: stored once per (watch list, issuance).
 *
 * @param accountId owner of the watch list (the database checks they agree)
 * @param watchlistId the watch list
 * @param tbsSha256 the issuance
 * @param verdict what the watch list's policy says
 * @param reasons why, in words, for the user
 * @param watchItems the watch items that matched, as written in the watch list
 */
public record MatchRecord(long accountId, long watchlistId, Sha256 tbsSha256, Verdict verdict,
                          List<String> reasons, List<String> watchItems) {
  public MatchRecord {
    Objects.requireNonNull(tbsSha256, "tbsSha256");
    Objects.requireNonNull(verdict, "verdict");
    reasons = List.copyOf(reasons);
    watchItems = List.copyOf(watchItems);
  }
}
