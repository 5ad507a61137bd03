package org.ctmon.alerts.watch;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ctmon.store.issuance.EntryRef;
import org.ctmon.store.issuance.IssuanceSummary;

/**
 * A match as {@code GET /api/v1/matches} shows it.
 *
 * @param id the match's id
 * @param watchlistId the watch list that matched
 * @param issuance the issuance (its {@code firstSeen} is the API's {@code first_seen})
 * @param verdict what the policy concluded
 * @param reasons why
 * @param watchItems the items that matched
 * @param entries every log entry of the issuance
 * @param createdAt when the match was stored
 * @param historical whether it was found in what was stored when the watch list was saved, not at ingest
 * @param acknowledgedAt when its owner acknowledged it, if they did
 * @param delivery where its alerts stand
 */
public record MatchView(long id, long watchlistId, IssuanceSummary issuance, Verdict verdict, List<String> reasons,
                        List<String> watchItems, List<EntryRef> entries, Instant createdAt, boolean historical,
                        Optional<Instant> acknowledgedAt, MatchDelivery delivery) {
  public MatchView {
    Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
    Objects.requireNonNull(delivery, "delivery");
    reasons = List.copyOf(reasons);
    watchItems = List.copyOf(watchItems);
    entries = List.copyOf(entries);
  }
}
