package org.ctmon.parser.merkle;

import org.ctmon.parser.CtmonException;

/**
 * A hash tile or tile path that breaks C2SP tlog-tiles: tile bytes of the wrong length, or a path
 * that is not the canonical {@code tile/<L>/<N>[.p/<W>]}. The message names the tile or the path.
 */
public final class MalformedTileException extends CtmonException {
  MalformedTileException(String message) {
    super(message);
  }
}
