package org.ctmon.fetcher.rfc6962;

import java.util.List;
import org.ctmon.parser.Sha256;

/**
 * A {@code get-proof-by-hash} answer (RFC 6962 §4.5): the leaf's index and its audit path in the
 * tree of the asked size. Not verified here: the caller checks it against a verified head.
 *
 * @param leafIndex index of the leaf, {@code >= 0}
 * @param auditPath sibling hashes from the leaf up
 */
public record ProofByHash(long leafIndex, List<Sha256> auditPath) {
  public ProofByHash {
    if (leafIndex < 0) {
      throw new IllegalArgumentException("leaf index " + leafIndex + " is negative");
    }
    auditPath = List.copyOf(auditPath);
  }
}
