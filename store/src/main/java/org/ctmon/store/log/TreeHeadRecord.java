package org.ctmon.store.log;

import java.util.Objects;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;

/**
 * A tree head as a log served it, kept as evidence.
 *
 * @param treeSize tree size
 * @param timestampMs the head's timestamp
 * @param rootHash root hash
 * @param signature the signature bytes (or the whole signed note) as served
 * @param signatureValid whether the signature verified against the log's key
 * @param receivedAtMs when ctmon received it
 */
public record TreeHeadRecord(long treeSize, long timestampMs, Sha256 rootHash, OpaqueBytes signature,
                             boolean signatureValid, long receivedAtMs) {
  public TreeHeadRecord {
    Objects.requireNonNull(rootHash, "rootHash");
    Objects.requireNonNull(signature, "signature");
  }
}
