package org.ctmon.alerts.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ctmon.alerts.watch.Hit;
import org.ctmon.alerts.watch.IssuancePolicy;
import org.ctmon.alerts.watch.MatchRecord;
import org.ctmon.alerts.watch.Verdict;
import org.ctmon.parser.Sha256;

/**
 * What each watch list says of one issuance: the matcher finds the lists, the list's policy and
 * the owner's authorizations give the verdict. Pure and thread safe.
 */
final class Verdicts {
  private Verdicts() {}

  /** Reason given when the owner authorized the certificate or its key. */
  static final String AUTHORIZED = "authorized by the account";

  /** The matches of the issuance {@code tbs} with {@code facts}, one per watch list that matched. */
  static List<MatchRecord> of(WatchState state, Sha256 tbs, Sha256 spki, IssuancePolicy.IssuanceFacts facts) {
    return of(state, tbs, spki, facts, state.matcher().match(facts.dnsNames(), facts.ipAddresses()));
  }

  /** As the method above, with the matcher's hits for {@code facts} already found. */
  static List<MatchRecord> of(WatchState state, Sha256 tbs, Sha256 spki, IssuancePolicy.IssuanceFacts facts,
      List<Hit> hits) {
    if (hits.isEmpty()) {
      return List.of();
    }
    List<MatchRecord> out = new ArrayList<>(hits.size());
    for (Hit hit : hits) {
      WatchedList list = state.lists().get(hit.watchlistId());
      if (list == null) {
        continue;
      }
      Set<Sha256> authorized = state.authorized().getOrDefault(list.accountId(), Set.of());
      Verdict verdict;
      List<String> reasons;
      if (authorized.contains(tbs) || authorized.contains(spki)) {
        verdict = Verdict.EXPECTED;
        reasons = List.of(AUTHORIZED);
      } else if (hit.lookalikeOnly()) {
        verdict = Verdict.LOOKALIKE;
        reasons = hit.lookalikeReasons();
      } else {
        IssuancePolicy.Evaluation e = list.policy().evaluate(facts);
        verdict = e.expected() ? Verdict.EXPECTED : Verdict.UNEXPECTED;
        reasons = e.reasons();
      }
      out.add(new MatchRecord(list.accountId(), list.id(), tbs, verdict, reasons, hit.watchItems()));
    }
    return out;
  }
}
