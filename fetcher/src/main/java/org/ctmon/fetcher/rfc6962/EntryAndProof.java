package org.ctmon.fetcher.rfc6962;

import java.util.List;
import java.util.Objects;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.leaf.EntryDecoding;

/**
 * A {@code get-entry-and-proof} answer (RFC 6962 §4.8): one entry, decoded, and its audit path in
 * the tree of the asked size. The path is not verified here.
 *
 * @param entry the decoded entry (its leaf hash is known even when malformed)
 * @param auditPath sibling hashes from the leaf up
 */
public record EntryAndProof(EntryDecoding entry, List<Sha256> auditPath) {
  public EntryAndProof {
    Objects.requireNonNull(entry, "entry");
    auditPath = List.copyOf(auditPath);
  }
}
