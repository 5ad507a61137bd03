package org.ctmon.parser.treehead;

import java.time.Instant;
import org.ctmon.parser.CtmonException;
import org.ctmon.parser.Sha256;

/**
 * An SCT whose signature does not verify with the key of the log it names (RFC 6962 §3.2), or that
 * is checked against another log's key. Carries the log id and the SCT timestamp.
 */
public final class InvalidSctSignatureException extends CtmonException {
  private final Sha256 logId;
  private final long timestamp;

  InvalidSctSignatureException(Sha256 logId, long timestamp, String entry, String why) {
    super("sct signature of log " + logId.base64() + " at timestamp " + timestamp + " ("
        + Instant.ofEpochMilli(timestamp) + ") over " + entry + " does not verify: " + why);
    this.logId = logId;
    this.timestamp = timestamp;
  }

  /** The log id the SCT names. */
  public Sha256 logId() {
    return logId;
  }

  /** The SCT timestamp in milliseconds. */
  public long timestamp() {
    return timestamp;
  }
}
