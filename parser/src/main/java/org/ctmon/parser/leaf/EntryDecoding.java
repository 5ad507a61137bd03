package org.ctmon.parser.leaf;

/**
 * The outcome of decoding one log entry: {@link Decoded} or {@link Malformed}. Dispatch with
 * {@code instanceof}; a malformed entry is a result to record, never an exception.
 */
public sealed interface EntryDecoding permits Decoded, Malformed {
  /** The log index the outcome is about. */
  long index();
}
