package org.ctmon.parser;

/**
 * The one unchecked root of every ctmon failure.
 *
 * <p>Subclasses live where they are thrown and say what could not be done
 * ({@code UnableToVerifyTreeHeadException}). Messages are lower case, say what was being attempted
 * and name the identifiers involved (log, index, tree size), because operators read them in logs and
 * tests assert them. Malformed input is not an exception: decoders return a typed result instead.
 */
public class CtmonException extends RuntimeException {
  public CtmonException(String message) {
    super(message);
  }

  public CtmonException(String message, Throwable cause) {
    super(message, cause);
  }
}
