package org.ctmon.testlog.pki;

/**
 * The key types real Web PKI certificates use, each with the signature algorithm a CA holding such a
 * key signs with (RSA: sha256WithRSAEncryption; P-256: ecdsa-with-SHA256; P-384: ecdsa-with-SHA384).
 */
public enum KeyKind {
  RSA_2048,
  EC_P256,
  EC_P384
}
