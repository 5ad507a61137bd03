package org.ctmon.parser.x509;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import org.ctmon.parser.Sha256;

/**
 * Decodes the fields of a TBSCertificate into a {@link FactsBuilder}, one field at a time, so
 * that a field that cannot be decoded costs that field (and makes the result malformed) but not
 * the names in the others.
 *
 * <pre>
 * TBSCertificate ::= SEQUENCE { [0] version OPTIONAL, serialNumber, signature, issuer, validity,
 *                               subject, subjectPublicKeyInfo, [1] issuerUID OPTIONAL,
 *                               [2] subjectUID OPTIONAL, [3] extensions OPTIONAL }
 * </pre>
 */
final class TbsDecoder {
  private TbsDecoder() {}

  /** Decodes {@code tbs}; returns the signature AlgorithmIdentifier TLV (null if unreadable). */
  static Tlv decode(Tlv tbs, FactsBuilder out) {
    tbs.expect(Tlv.SEQUENCE, "tbs certificate");
    if (tbs.indefinite()) {
      out.problem("tbs certificate not in der: indefinite length");
    }
    Tlv sigAlg = null;
    try {
      sigAlg = fields(tbs, out);
    } finally {
      // After the fields: their walk tells whether the TBS is in DER, and then its bytes are hashed.
      try {
        out.tbsSha256 = TbsHasher.hash(tbs, !out.notDer);
      } catch (MalformedDerException e) {
        out.fatal = "tbs hash: " + e.getMessage();
        out.tbsSha256 = Sha256.of(tbs.buf(), tbs.start(), tbs.length());
      }
    }
    return sigAlg;
  }

  private static Tlv fields(Tlv tbs, FactsBuilder out) {
    DerReader r = tbs.children();
    Tlv sigAlg = null;
    try {
      Tlv version = r.nextIf(0xa0);
      if (version != null) {
        Tlv v = Tlv.read(version.buf(), version.valueStart(), version.valueEnd()).expect(Tlv.INTEGER, "version");
        if (v.valueLength() != 1 || v.buf()[v.valueStart()] < 0 || v.buf()[v.valueStart()] > 2) {
          out.problem("unknown certificate version");
          out.notDer = true;
        } else if (v.buf()[v.valueStart()] == 0) {
          out.problem("version 1 written explicitly");
          out.notDer = true;
        }
      }
      out.serial = serial(r.next(Tlv.INTEGER, "serial number"), out);
      sigAlg = r.next(Tlv.SEQUENCE, "signature algorithm");
      out.signatureAlgorithm = AlgorithmNames.signature(Oids.text(sigAlg.children().next(Tlv.OID, "signature algorithm oid")));
      // Framed here, their tags checked field by field: a wrong one costs that field, not the names.
      Tlv issuer = r.next(Tlv.SEQUENCE, "issuer", false);
      Tlv validity = r.next(Tlv.SEQUENCE, "validity", false);
      Tlv subject = r.next(Tlv.SEQUENCE, "subject", false);
      Tlv spki = r.next(Tlv.SEQUENCE, "subject public key info", false);
      Tlv ext3 = null;
      while (r.hasNext()) {
        Tlv t = r.next();
        if (t.tag() == 0xa3 && ext3 == null) {
          ext3 = t;
        } else if (t.tag() != 0x81 && t.tag() != 0x82 && t.tag() != 0xa1 && t.tag() != 0xa2) {
          out.problem(String.format("unexpected tbs field with tag 0x%02x", t.tag()));
        }
      }
      // Names first: they matter most and must survive trouble elsewhere.
      if (ext3 != null) {
        try {
          ExtensionsDecoder.decode(ext3, out);
        } catch (MalformedDerException e) {
          fail(out, e); // the extensions are lost; the fields below are still read
        }
      }
      subject(subject, out);
      issuer(issuer, out);
      validity(validity, out);
      key(spki, out);
    } catch (MalformedDerException e) {
      if (out.fatal == null) {
        out.fatal = e.getMessage();
      }
    }
    return sigAlg;
  }

  private static void key(Tlv spki, FactsBuilder out) {
    try {
      spki.expect(Tlv.SEQUENCE, "subject public key info");
      out.spkiSha256 = Sha256.of(spki.buf(), spki.start(), spki.length());
      out.publicKey = PublicKeyDecoder.decode(spki, out.problems());
    } catch (MalformedDerException e) {
      fail(out, e);
    }
  }

  private static void subject(Tlv subject, FactsBuilder out) {
    try {
      subject.expect(Tlv.SEQUENCE, "subject");
      DistinguishedName.Rendered s = DistinguishedName.render(subject, "subject", out.problems());
      out.subject = s.text();
      for (String cn : s.commonNames()) {
        out.addCommonName(cn);
      }
    } catch (MalformedDerException e) {
      fail(out, e);
    }
  }

  private static void issuer(Tlv issuer, FactsBuilder out) {
    try {
      issuer.expect(Tlv.SEQUENCE, "issuer");
      DistinguishedName.Rendered i = DistinguishedName.render(issuer, "issuer", out.problems());
      out.issuer = i.text();
      out.issuerCommonName = i.commonNames().isEmpty() ? null : i.commonNames().get(0);
      out.issuerOrganization = i.organizations().isEmpty() ? null : i.organizations().get(0);
    } catch (MalformedDerException e) {
      fail(out, e);
    }
  }

  private static void validity(Tlv validity, FactsBuilder out) {
    try {
      validity.expect(Tlv.SEQUENCE, "validity");
      DerReader v = validity.children();
      Tlv nbt = v.next();
      Tlv nat = v.next();
      AsnTime.Decoded nb = AsnTime.decode(nbt, "not before");
      AsnTime.Decoded na = AsnTime.decode(nat, "not after");
      if (generalizedBefore2050(nbt, nb) || generalizedBefore2050(nat, na)) {
        out.problem("validity time before 2050 written as generalizedtime");
        out.notDer = true;
      }
      out.notBefore = nb.instant();
      out.notAfter = na.instant();
      if (!nb.strict() || !na.strict()) {
        out.problem("validity time not in der form");
        out.notDer = true;
      }
      if (na.instant().isBefore(nb.instant())) {
        out.problem("not after is before not before");
      }
    } catch (MalformedDerException e) {
      fail(out, e);
    }
  }

  private static final Instant YEAR_2050 = Instant.parse("2050-01-01T00:00:00Z");

  private static boolean generalizedBefore2050(Tlv t, AsnTime.Decoded d) {
    return t.tag() == Tlv.GENERALIZED_TIME && d.instant().isBefore(YEAR_2050);
  }

  private static void fail(FactsBuilder out, MalformedDerException e) {
    if (out.fatal == null) {
      out.fatal = e.getMessage();
    }
  }

  /**
   * Lower-case hex of the serial's unsigned magnitude, {@code -} first if negative, no leading
   * zeros (a zero serial is {@code 0}).
   */
  static String serial(Tlv integer, FactsBuilder out) {
    byte[] b = integer.buf();
    int p = integer.valueStart();
    int end = integer.valueEnd();
    if (p == end) {
      out.problem("empty serial number");
      return "0";
    }
    if (end - p > 1 && (b[p] == 0 && b[p + 1] >= 0 || b[p] == -1 && b[p + 1] < 0)) {
      out.problem("serial number not minimally encoded");
      out.notDer = true;
    }
    if (b[p] < 0) {
      out.problem("negative serial number");
      return "-" + new BigInteger(Arrays.copyOfRange(b, p, end)).negate().toString(16);
    }
    if (end - p > 20) {
      out.problem("serial number longer than 20 bytes");
    }
    StringBuilder sb = new StringBuilder(2 * (end - p));
    for (int i = p; i < end; i++) {
      int v = b[i] & 0xff;
      if (sb.length() == 0) {
        if (v == 0) {
          continue;
        }
        if (v < 0x10) {
          sb.append(Character.forDigit(v, 16));
          continue;
        }
      }
      sb.append(Character.forDigit(v >> 4, 16)).append(Character.forDigit(v & 0xf, 16));
    }
    return sb.length() == 0 ? "0" : sb.toString();
  }
}
