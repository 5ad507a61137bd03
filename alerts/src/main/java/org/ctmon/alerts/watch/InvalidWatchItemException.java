package org.ctmon.alerts.watch;

/**
 * A watch item, watch-list line or policy value that ctmon cannot use. The message is lower-case,
 * quotes the value and says what is wrong with it, so the web UI and the CLI can show it as is.
 *
 * <p>An {@link IllegalArgumentException} (not a {@code CtmonException}): it is always the caller's
 * input that is wrong, and the web layer maps it to a 400.
 */
public class InvalidWatchItemException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** An error whose message is already complete. */
  public InvalidWatchItemException(String message) {
    super(message);
  }

  static InvalidWatchItemException of(String item, String problem) {
    return new InvalidWatchItemException("invalid watch item \"" + item + "\": " + problem);
  }
}
