package org.ctmon.fetcher.follow;

import org.ctmon.parser.CtmonException;

/**
 * A tree head whose signature does not verify with the log's key. It proves nothing about the log
 * (a proxy, a cache or a truncated body can serve one), so it is recorded and raised to the
 * operator, and the follower backs off and asks again; it never stops the log. Message: {@code bad
 * tree head signature from <log url>: <reason>}.
 */
public final class UnverifiedTreeHeadException extends CtmonException {
  UnverifiedTreeHeadException(String message) {
    super(message);
  }
}
