package org.ctmon.parser.x509;

import org.ctmon.parser.Sha256;

/**
 * A Signed Certificate Timestamp embedded in a certificate (extension 1.3.6.1.4.1.11129.2.4.2):
 * which log promised to include it, and when. The signature is not kept: checking it needs the
 * issuer key and the log key, which is the verifier's job.
 *
 * @param logId the log's id (SHA-256 of its public key), never null
 * @param timestampMillis the SCT timestamp in milliseconds since the epoch
 */
public record EmbeddedSct(Sha256 logId, long timestampMillis) {
  /** Requires a log id. */
  public EmbeddedSct {
    if (logId == null) {
      throw new IllegalArgumentException("an embedded sct needs a log id");
    }
  }
}
