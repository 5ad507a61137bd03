package org.ctmon.store.log;

import java.util.Objects;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.treehead.TreeHead;

/**
 * A tree head as a log served it, kept as evidence: the parser's {@link TreeHead} with what a
 * verified head no longer needs, its signature, whether that verified, and when it came.
 *
 * @param head size, timestamp and root, as signed
 * @param signature the signature bytes (or the whole signed note) as served
 * @param signatureValid whether the signature verified against the log's key
 * @param receivedAtMs when ctmon received it
 */
public record ServedTreeHead(TreeHead head, OpaqueBytes signature, boolean signatureValid, long receivedAtMs) {
  public ServedTreeHead {
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(signature, "signature");
  }
}
