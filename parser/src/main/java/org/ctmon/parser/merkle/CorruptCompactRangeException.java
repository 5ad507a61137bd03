package org.ctmon.parser.merkle;

import org.ctmon.parser.CtmonException;

/**
 * A stored compact range could not be read back: the blob is truncated, has an unknown format
 * version, or its hash count disagrees with its size. The message names what is wrong.
 */
public final class CorruptCompactRangeException extends CtmonException {
  CorruptCompactRangeException(String message) {
    super(message);
  }
}
