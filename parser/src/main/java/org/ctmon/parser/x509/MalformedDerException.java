package org.ctmon.parser.x509;

import org.ctmon.parser.CtmonException;

/**
 * A value could not be framed or decoded. Internal to this package: decoders catch it and turn it
 * into a {@link FactsResult.Malformed} or a problem string, it never reaches callers.
 */
final class MalformedDerException extends CtmonException {
  MalformedDerException(String message) {
    super(message);
  }
}
