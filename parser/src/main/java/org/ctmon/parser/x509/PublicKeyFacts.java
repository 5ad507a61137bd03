package org.ctmon.parser.x509;

/**
 * What kind of key a certificate certifies.
 *
 * @param type {@code rsa}, {@code ec}, {@code ed25519}, {@code ed448}, {@code dsa}, or the
 *     dotted OID of any other algorithm; never null
 * @param bits the key size in bits (RSA modulus, DSA prime, EC field size), 0 when unknown
 * @param curve the EC curve name ({@code secp256r1}, ...), its dotted OID, or {@code explicit}
 *     for explicit curve parameters; null for other key types
 */
public record PublicKeyFacts(String type, int bits, String curve) {
  /** Requires a type and a non-negative size. */
  public PublicKeyFacts {
    if (type == null || type.isEmpty()) {
      throw new IllegalArgumentException("a public key needs a type");
    }
    if (bits < 0) {
      throw new IllegalArgumentException("negative key size " + bits + " for " + type);
    }
  }
}
