package org.ctmon.parser.treehead;

/**
 * The signature algorithms a CT log key may use (RFC 6962 §2.1.4): ECDSA on NIST P-256 or RSA, both
 * with SHA-256. The TLS {@code SignatureAlgorithm} code is what a {@link DigitallySigned} must declare
 * for a key of this kind.
 */
public enum KeyAlgorithm {
  /** ECDSA over NIST P-256 (secp256r1), TLS signature algorithm 3. */
  ECDSA_P256(DigitallySigned.SIGNATURE_ECDSA, "SHA256withECDSA", "EC"),
  /** RSA (PKCS#1 v1.5), at least 2048 bits, TLS signature algorithm 1. */
  RSA(DigitallySigned.SIGNATURE_RSA, "SHA256withRSA", "RSA");

  private final int tlsSignatureAlgorithm;
  private final String jcaSignature;
  private final String jcaKeyFactory;

  KeyAlgorithm(int tlsSignatureAlgorithm, String jcaSignature, String jcaKeyFactory) {
    this.tlsSignatureAlgorithm = tlsSignatureAlgorithm;
    this.jcaSignature = jcaSignature;
    this.jcaKeyFactory = jcaKeyFactory;
  }

  /** The TLS {@code SignatureAlgorithm} value (RFC 5246 §7.4.1.4.1) a signature by this key declares. */
  public int tlsSignatureAlgorithm() {
    return tlsSignatureAlgorithm;
  }

  String jcaSignature() {
    return jcaSignature;
  }

  String jcaKeyFactory() {
    return jcaKeyFactory;
  }

  /** Lower-case name for messages: {@code ecdsa-p256} or {@code rsa}. */
  @Override
  public String toString() {
    return this == ECDSA_P256 ? "ecdsa-p256" : "rsa";
  }
}
