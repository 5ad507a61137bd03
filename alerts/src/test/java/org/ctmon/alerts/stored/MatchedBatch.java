package org.ctmon.alerts.stored;

import java.util.List;
import org.ctmon.alerts.outbox.OutboxRecord;
import org.ctmon.alerts.watch.MatchRecord;
import org.ctmon.parser.Sha256;
import org.ctmon.store.ingest.Ingest;
import org.ctmon.store.ingest.IngestBatch;
import org.ctmon.store.ingest.IngestResult;
import org.ctmon.store.ingest.Issuance;
import org.ctmon.store.ingest.TestIssuances;

/** Test fixture: a batch of {@link TestIssuances} with its matches and alerts, committed together. */
record MatchedBatch(IngestBatch batch, MatchRows rows) {
  static MatchedBatch batch(Sha256 log, long from, List<Issuance> issuances, List<MatchRecord> matches,
                            List<OutboxRecord> outbox) {
    return new MatchedBatch(TestIssuances.batch(log, from, issuances), new MatchRows(matches, outbox));
  }

  IngestResult commit(Ingest ingest) {
    return ingest.commit(batch, rows);
  }
}
