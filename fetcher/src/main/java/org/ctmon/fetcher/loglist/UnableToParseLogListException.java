package org.ctmon.fetcher.loglist;

/**
 * The bytes are not a log list at all: not JSON, not an object, or without an {@code operators}
 * array. Problems inside one log are not this exception but a {@link SkippedLog}.
 */
public final class UnableToParseLogListException extends LogListException {
  UnableToParseLogListException(String source, String message) {
    super(source, message);
  }

  UnableToParseLogListException(String source, String message, Throwable cause) {
    super(source, message, cause);
  }
}
