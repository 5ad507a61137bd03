package org.ctmon.alerts.match;

import java.util.List;
import org.ctmon.alerts.watch.MatchRecord;
import org.ctmon.store.ingest.Issuance;

/**
 * Test support: what the matcher finds for one issuance against the current watch lists, without
 * a store. The steps are package-private, so the benchmarks in {@code alerts.bench} ask here.
 */
public final class VerdictProbe {
  private VerdictProbe() {}

  /** The matches {@link WatchedIngest} would write for {@code issuance}; empty when none. */
  public static List<MatchRecord> of(WatchStateSource source, Issuance issuance) {
    return Verdicts.of(source.current(), issuance.tbsSha256(), issuance.spkiSha256(), WatchedIngest.facts(issuance));
  }
}
