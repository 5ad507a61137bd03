package org.ctmon.fetcher.loglist;

import org.ctmon.parser.CtmonException;

/**
 * A whole log list could not be used: unreadable, not a log list, or not signed by the expected
 * key. Catch this one type to fall back to the bundled snapshot; a single bad log is never an
 * exception but a {@link SkippedLog}.
 */
public abstract class LogListException extends CtmonException {
  private final String source;

  LogListException(String source, String message) {
    super(message);
    this.source = source;
  }

  LogListException(String source, String message, Throwable cause) {
    super(message, cause);
    this.source = source;
  }

  /** The name of the list's source (a file path, a URL, "bundled ..."), as in the message. */
  public String source() {
    return source;
  }
}
