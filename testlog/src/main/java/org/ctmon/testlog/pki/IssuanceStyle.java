package org.ctmon.testlog.pki;

/** How a certificate is issued with respect to CT. */
public enum IssuanceStyle {
  /** A final certificate only, without precertificate or embedded SCTs (pre-2015 style; logged as x509_entry). */
  PLAIN,
  /** A precertificate signed by the issuing CA itself, then the final certificate with embedded SCTs. */
  PRECERT,
  /**
   * A precertificate signed by the issuing CA's precertificate-signing certificate (RFC 6962 §3.1),
   * then the final certificate, signed by the CA, with embedded SCTs.
   */
  PRECERT_VIA_SIGNING_CERT
}
