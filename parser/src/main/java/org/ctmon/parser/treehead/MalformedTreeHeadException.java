package org.ctmon.parser.treehead;

import org.ctmon.parser.CtmonException;

/**
 * A tree head whose bytes cannot be framed: a {@code DigitallySigned} with a wrong length, a
 * negative tree size, a root that is not 32 bytes, a checkpoint body that is not three lines of
 * origin, size and root. Served by a log, this is log misbehaviour just like a bad signature.
 */
public final class MalformedTreeHeadException extends CtmonException {
  MalformedTreeHeadException(String message) {
    super(message);
  }
}
