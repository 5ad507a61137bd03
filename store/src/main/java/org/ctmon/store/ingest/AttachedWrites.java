package org.ctmon.store.ingest;

import java.util.Map;
import java.util.Set;
import org.ctmon.parser.Sha256;
import org.jdbi.v3.core.Handle;

/**
 * Rows another module writes with a batch, in the batch's transaction: alerts' matches and outbox
 * rows. The store owns this contract so that it needs none of their words; a crash leaves either
 * the batch and these rows, or neither.
 */
public interface AttachedWrites {
  /** Nothing attached: the batch alone. */
  AttachedWrites NONE = new AttachedWrites() {
    @Override
    public Set<Sha256> keepDer() {
      return Set.of();
    }

    @Override
    public Written write(Handle h, Map<Sha256, Long> issuanceIds, long now) {
      return Written.NOTHING;
    }
  };

  /** Issuances of the batch whose DER is kept even when the store keeps only matched DER. */
  Set<Sha256> keepDer();

  /**
   * Writes the rows, called once per commit after the batch's issuances are stored and before the
   * log's position moves; a replayed batch never calls it. An exception rolls the whole batch back.
   *
   * @param h the batch's transaction
   * @param issuanceIds each issuance of the batch (by TBS hash) to its row id
   * @param now the commit's time, epoch milliseconds
   * @return how many rows were new
   */
  Written write(Handle h, Map<Sha256, Long> issuanceIds, long now);

  /** How many matches and alerts a commit stored for the first time. */
  record Written(int matches, int alerts) {
    public static final Written NOTHING = new Written(0, 0);
  }
}
