package org.ctmon.parser.x509;

import java.util.List;

/** Reads the algorithm and size out of a SubjectPublicKeyInfo. */
final class PublicKeyDecoder {
  private PublicKeyDecoder() {}

  /** The curve name given to EC keys with explicit parameters instead of a named curve. */
  static final String EXPLICIT_CURVE = "explicit";

  /** Describes the SPKI TLV {@code spki}; key-size trouble becomes a problem, not a failure. */
  static PublicKeyFacts decode(Tlv spki, List<String> problems) {
    DerReader r = spki.expect(Tlv.SEQUENCE, "subject public key info").children();
    Tlv alg = r.next(Tlv.SEQUENCE, "public key algorithm");
    Tlv key = r.next(Tlv.BIT_STRING, "public key");
    DerReader a = alg.children();
    String oid = Oids.text(a.next(Tlv.OID, "public key algorithm oid"));
    Tlv params = a.hasNext() ? a.next() : null;
    String type = AlgorithmNames.keyType(oid);
    try {
      switch (type) {
        case "rsa": {
          if ("1.2.840.113549.1.1.1".equals(oid) && (params == null || params.tag() != Tlv.NULL || params.valueLength() != 0)) {
            problems.add("rsa key parameters not null");
          }
          Tlv rsa = Tlv.read(key.buf(), key.valueStart() + 1, key.valueEnd()).expect(Tlv.SEQUENCE, "rsa key");
          return new PublicKeyFacts(type, bitLength(rsa.children().next(Tlv.INTEGER, "rsa modulus")), null);
        }
        case "ec": {
          if (params == null || params.tag() != Tlv.OID) {
            // explicit curve parameters (RFC 5480 forbids them): size from the uncompressed point
            problems.add("ec key with explicit curve parameters");
            int len = key.valueLength() - 1;
            return new PublicKeyFacts(type, len > 1 ? (len - 1) / 2 * 8 : 0, EXPLICIT_CURVE);
          }
          String curveOid = Oids.text(params);
          return new PublicKeyFacts(type, AlgorithmNames.curveBits(curveOid), AlgorithmNames.curveName(curveOid));
        }
        case "ed25519":
          return new PublicKeyFacts(type, 256, null);
        case "ed448":
          return new PublicKeyFacts(type, 456, null);
        case "dsa": {
          if (params == null || params.tag() != Tlv.SEQUENCE) {
            return new PublicKeyFacts(type, 0, null);
          }
          return new PublicKeyFacts(type, bitLength(params.children().next(Tlv.INTEGER, "dsa p")), null);
        }
        default:
          return new PublicKeyFacts(type, 0, null);
      }
    } catch (MalformedDerException e) {
      problems.add("public key: " + e.getMessage());
      return new PublicKeyFacts(type, 0, null);
    }
  }

  /** Bit length of the unsigned magnitude of an INTEGER. */
  static int bitLength(Tlv integer) {
    byte[] b = integer.buf();
    int p = integer.valueStart();
    int end = integer.valueEnd();
    while (p < end && b[p] == 0) {
      p++;
    }
    if (p == end) {
      return 0;
    }
    return (end - p - 1) * 8 + (32 - Integer.numberOfLeadingZeros(b[p] & 0xff));
  }
}
