package org.ctmon.parser.x509;

import java.util.Map;

/**
 * Names of signature algorithms, key algorithms and EC curves, as OpenSSL spells them
 * ({@code sha256WithRSAEncryption}, {@code ecdsa-with-SHA256}) so that they read as every CT
 * tool shows them; EC curves by their SEC 2 names ({@code secp256r1}).
 */
final class AlgorithmNames {
  private AlgorithmNames() {}

  private static final Map<String, String> SIGNATURES = Map.ofEntries(
      Map.entry("1.2.840.113549.1.1.2", "md2WithRSAEncryption"),
      Map.entry("1.2.840.113549.1.1.4", "md5WithRSAEncryption"),
      Map.entry("1.2.840.113549.1.1.5", "sha1WithRSAEncryption"),
      Map.entry("1.2.840.113549.1.1.10", "rsassaPss"),
      Map.entry("1.2.840.113549.1.1.11", "sha256WithRSAEncryption"),
      Map.entry("1.2.840.113549.1.1.12", "sha384WithRSAEncryption"),
      Map.entry("1.2.840.113549.1.1.13", "sha512WithRSAEncryption"),
      Map.entry("1.2.840.113549.1.1.14", "sha224WithRSAEncryption"),
      Map.entry("1.3.14.3.2.29", "sha1WithRSA"),
      Map.entry("1.2.840.10045.4.1", "ecdsa-with-SHA1"),
      Map.entry("1.2.840.10045.4.3.1", "ecdsa-with-SHA224"),
      Map.entry("1.2.840.10045.4.3.2", "ecdsa-with-SHA256"),
      Map.entry("1.2.840.10045.4.3.3", "ecdsa-with-SHA384"),
      Map.entry("1.2.840.10045.4.3.4", "ecdsa-with-SHA512"),
      Map.entry("1.2.840.10040.4.3", "dsaWithSHA1"),
      Map.entry("2.16.840.1.101.3.4.3.1", "dsa_with_SHA224"),
      Map.entry("2.16.840.1.101.3.4.3.2", "dsa_with_SHA256"),
      Map.entry("1.3.101.112", "ED25519"),
      Map.entry("1.3.101.113", "ED448"),
      Map.entry("1.2.643.2.2.3", "GOST R 34.11-94 with GOST R 34.10-2001"));

  private static final Map<String, String> KEYS = Map.of(
      "1.2.840.113549.1.1.1", "rsa",
      "1.2.840.113549.1.1.10", "rsa",
      "1.2.840.10045.2.1", "ec",
      "1.3.101.112", "ed25519",
      "1.3.101.113", "ed448",
      "1.2.840.10040.4.1", "dsa");

  /** Curve OID to name and field size in bits. */
  private static final Map<String, Object[]> CURVES = Map.ofEntries(
      Map.entry("1.2.840.10045.3.1.1", new Object[] {"secp192r1", 192}),
      Map.entry("1.3.132.0.33", new Object[] {"secp224r1", 224}),
      Map.entry("1.2.840.10045.3.1.7", new Object[] {"secp256r1", 256}),
      Map.entry("1.3.132.0.34", new Object[] {"secp384r1", 384}),
      Map.entry("1.3.132.0.35", new Object[] {"secp521r1", 521}),
      Map.entry("1.3.132.0.10", new Object[] {"secp256k1", 256}),
      Map.entry("1.3.36.3.3.2.8.1.1.7", new Object[] {"brainpoolP256r1", 256}),
      Map.entry("1.3.36.3.3.2.8.1.1.11", new Object[] {"brainpoolP384r1", 384}),
      Map.entry("1.3.36.3.3.2.8.1.1.13", new Object[] {"brainpoolP512r1", 512}));

  /** The name of a signature algorithm, or its dotted OID. */
  static String signature(String oid) {
    return SIGNATURES.getOrDefault(oid, oid);
  }

  /** The short key type for a key algorithm OID, or the OID itself. */
  static String keyType(String oid) {
    return KEYS.getOrDefault(oid, oid);
  }

  static String curveName(String oid) {
    Object[] c = CURVES.get(oid);
    return c == null ? oid : (String) c[0];
  }

  /** Field size of a named curve, 0 if unknown. */
  static int curveBits(String oid) {
    Object[] c = CURVES.get(oid);
    return c == null ? 0 : (Integer) c[1];
  }
}
