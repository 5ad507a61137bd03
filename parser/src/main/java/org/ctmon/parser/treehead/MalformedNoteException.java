package org.ctmon.parser.treehead;

import org.ctmon.parser.CtmonException;

/**
 * A C2SP signed note that breaks the format: too large, not UTF-8, control characters, no blank
 * line before the signatures, a signature line without the em dash, a bad name or bad base64, no
 * trailing newline. The message names the line.
 */
public final class MalformedNoteException extends CtmonException {
  MalformedNoteException(String message) {
    super(message);
  }
}
