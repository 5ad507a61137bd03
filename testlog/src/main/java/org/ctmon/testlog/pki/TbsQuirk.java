package org.ctmon.testlog.pki;

/**
 * Something a CA writes into a TBSCertificate that DER allows only one way of, and that a log
 * written in Go (certificate-transparency-go's {@code BuildPrecertTBS}) writes back the DER way in
 * the precert entry it logs: the final certificate keeps the CA's bytes, the logged TBS does not.
 */
public enum TbsQuirk {
  /** Every non-critical extension carries an explicit {@code critical FALSE} (DER omits a default). */
  CRITICAL_FALSE,
  /** The serial INTEGER has a redundant leading zero byte. */
  NON_MINIMAL_SERIAL,
  /** Both validity times are UTCTime without seconds, {@code YYMMDDHHMMZ} (seconds dropped). */
  UTC_TIME_WITHOUT_SECONDS
}
