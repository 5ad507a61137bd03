package org.ctmon.fetcher.loglist;

/** The bytes of a log list (or of its signature or key) could not be read from their source. */
public final class UnableToReadLogListException extends LogListException {
  UnableToReadLogListException(String source, String message, Throwable cause) {
    super(source, message, cause);
  }
}
