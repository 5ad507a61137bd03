package org.ctmon.parser.merkle;

import org.ctmon.parser.CtmonException;

/**
 * An inclusion or consistency proof failed to verify: it computes another root, has the wrong
 * number of hashes, or asks about an impossible index or pair of sizes. The lower-case message
 * names the index or sizes and the roots involved, so it can go into a misbehaviour record as is.
 */
public final class InvalidProofException extends CtmonException {
  InvalidProofException(String message) {
    super(message);
  }
}
