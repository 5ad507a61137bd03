package org.ctmon.parser.treehead;

import org.ctmon.parser.CtmonException;

/**
 * A log public key (from a log list's {@code key} field) that cannot be used: not DER, not a
 * SubjectPublicKeyInfo, or an algorithm CT does not allow (only ECDSA P-256 and RSA of at least 2048
 * bits). The log cannot be verified, so it cannot be followed.
 */
public final class InvalidLogKeyException extends CtmonException {
  InvalidLogKeyException(String message) {
    super(message);
  }

  InvalidLogKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
