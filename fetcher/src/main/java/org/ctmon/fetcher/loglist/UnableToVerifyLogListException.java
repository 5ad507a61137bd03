package org.ctmon.fetcher.loglist;

/**
 * A log list's detached signature does not verify with the list-signing key (or the key itself is
 * unusable): the list must not be trusted.
 */
public final class UnableToVerifyLogListException extends LogListException {
  UnableToVerifyLogListException(String source, String message) {
    super(source, message);
  }

  UnableToVerifyLogListException(String source, String message, Throwable cause) {
    super(source, message, cause);
  }
}
