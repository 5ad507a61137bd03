package org.ctmon.parser.treehead;

import org.ctmon.parser.CtmonException;

/**
 * A TLS-encoded SignedCertificateTimestamp (or SCT list) that cannot be framed: truncated, trailing
 * bytes, a length prefix that overruns, or a version other than v1. The message names the offset.
 */
public final class MalformedSctException extends CtmonException {
  MalformedSctException(String message) {
    super(message);
  }
}
