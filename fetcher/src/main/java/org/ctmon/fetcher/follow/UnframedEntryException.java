package org.ctmon.fetcher.follow;

import org.ctmon.parser.CtmonException;

/**
 * A fetched entry could not be framed, so its leaf hash is unknown and neither it nor the entries
 * after it can be placed in the tree. Retried with backoff like a bad page.
 */
final class UnframedEntryException extends CtmonException {
  UnframedEntryException(long index, String reason) {
    super("error decoding entry " + index + ": it cannot be framed (" + reason + ")");
  }
}
