package org.ctmon.alerts.match;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctmon.alerts.outbox.EventType;
import org.ctmon.alerts.outbox.Recipient;
import org.ctmon.alerts.watch.MatchRecord;
import org.ctmon.alerts.watch.Verdict;
import org.ctmon.parser.Sha256;

/**
 * Which alerts the matches of one issuance give: one per account and channel, whatever the number
 * of watch lists, entries (precertificate and certificate) and logs that found it. The account's
 * strongest match speaks: unexpected, then lookalike, then discovered. A match alerts when it is
 * unexpected or a lookalike, or when its watch list has no policy at all (then every certificate
 * is news, as certspotter reports them).
 */
final class AlertPlan {
  private AlertPlan() {}

  /** One alert to write: the match that speaks for the account and where it goes. */
  record PlannedAlert(MatchRecord match, EventType type, Recipient recipient, String idempotencyKey) {}

  static List<PlannedAlert> of(WatchState state, List<MatchRecord> matches) {
    Map<Long, MatchRecord> strongest = new LinkedHashMap<>();
    for (MatchRecord m : matches) {
      WatchedList list = state.lists().get(m.watchlistId());
      if (list == null || !alerts(m, list)) {
        continue;
      }
      strongest.merge(m.accountId(), m, (a, b) -> rank(b) > rank(a) ? b : a);
    }
    List<PlannedAlert> out = new ArrayList<>();
    for (MatchRecord m : strongest.values()) {
      for (Recipient r : state.recipients().getOrDefault(m.accountId(), List.of())) {
        out.add(new PlannedAlert(m, type(m.verdict()), r, key(m.accountId(), m.tbsSha256(), r)));
      }
    }
    return out;
  }

  static boolean alerts(MatchRecord m, WatchedList list) {
    if (m.reasons().contains(Verdicts.AUTHORIZED)) {
      return false;
    }
    return m.verdict() != Verdict.EXPECTED || !list.hasPolicy();
  }

  static EventType type(Verdict v) {
    if (v == Verdict.UNEXPECTED) {
      return EventType.CERTIFICATE_UNEXPECTED;
    }
    return v == Verdict.LOOKALIKE ? EventType.CERTIFICATE_LOOKALIKE : EventType.CERTIFICATE_DISCOVERED;
  }

  private static int rank(MatchRecord m) {
    return m.verdict() == Verdict.UNEXPECTED ? 2 : m.verdict() == Verdict.LOOKALIKE ? 1 : 0;
  }

  /**
   * The alert's idempotency key: the same for the same issuance, account and channel, so a
   * precertificate and its certificate, the same certificate in three logs, and a replayed batch
   * all write one outbox row (the store keeps the first).
   */
  static String key(long accountId, Sha256 tbs, Recipient r) {
    String channel = r instanceof Recipient.Webhook w ? "webhook:" + w.webhookId()
        : "email:" + ((Recipient.Email) r).address();
    Sha256 h = Sha256.of((accountId + "|" + tbs.hex() + "|" + channel).getBytes(StandardCharsets.UTF_8));
    return "ctmon-" + h.hex().substring(0, 40);
  }
}
