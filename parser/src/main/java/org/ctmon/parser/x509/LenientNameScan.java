package org.ctmon.parser.x509;

import java.util.ArrayList;
import java.util.List;

/**
 * Recovers names from bytes that do not decode as a certificate: finds every subjectAltName
 * extension id (2.5.29.17) and common-name attribute type (2.5.4.3) wherever it occurs, and
 * reads what can be framed after it. Used only when the structured decode fails, so that a
 * broken certificate still yields every name that can be recovered.
 *
 * <p>Common names inside the issuer are skipped when the issuer can be located (the fifth
 * field of the TBSCertificate, counting a version); otherwise every CN that looks like a host
 * name is taken.
 */
final class LenientNameScan {
  private LenientNameScan() {}

  private static final byte[] SAN_TLV = {0x06, 0x03, 0x55, 0x1d, 0x11};
  private static final byte[] CN_TLV = {0x06, 0x03, 0x55, 0x04, 0x03};
  /** Hits examined at most, so hostile bytes full of the patterns cost linear time, not quadratic. */
  private static final int MAX_HITS = 32;

  static void scan(byte[] b, FactsBuilder out) {
    int[] issuer = issuerRange(b);
    int hits = 0;
    for (int i = indexOf(b, SAN_TLV, 0); i >= 0 && hits++ < MAX_HITS; i = indexOf(b, SAN_TLV, i + 1)) {
      int p = i + SAN_TLV.length;
      try {
        if (p < b.length && b[p] == Tlv.BOOLEAN) {
          p = Tlv.read(b, p, b.length).end();
        }
        Tlv value = Tlv.read(b, p, b.length).expect(Tlv.OCTET_STRING, "subject alt names");
        SubjectAltNames.read(b, value.valueStart(), value.valueEnd(), out);
      } catch (MalformedDerException e) {
        out.problem("lenient scan: san at offset " + i + ": " + e.getMessage());
      }
    }
    List<String> ignored = new ArrayList<>();
    hits = 0;
    for (int i = indexOf(b, CN_TLV, 0); i >= 0 && hits++ < MAX_HITS; i = indexOf(b, CN_TLV, i + 1)) {
      if (issuer != null && i >= issuer[0] && i < issuer[1]) {
        continue;
      }
      try {
        Tlv value = Tlv.read(b, i + CN_TLV.length, b.length);
        String s = DistinguishedName.decodeString(value, "common name", ignored);
        if (s != null) {
          out.addCommonName(s, false);
        }
      } catch (MalformedDerException e) {
        out.problem("lenient scan: common name at offset " + i + ": " + e.getMessage());
      }
    }
  }

  /** Offsets of the issuer Name if the certificate frames that far, else null. */
  private static int[] issuerRange(byte[] b) {
    try {
      Tlv outer = Tlv.read(b, 0, b.length);
      Tlv tbs = Tlv.read(b, outer.valueStart(), outer.valueEnd());
      if (tbs.tag() != Tlv.SEQUENCE) {
        // maybe a bare TBSCertificate
        tbs = outer;
      } else {
        DerReader probe = tbs.children();
        if (probe.hasNext() && probe.next().tag() == Tlv.INTEGER && !isTbsStart(tbs)) {
          tbs = outer;
        }
      }
      DerReader r = tbs.children();
      r.nextIf(0xa0);
      r.next();
      r.next();
      Tlv issuer = r.next();
      return new int[] {issuer.start(), issuer.end()};
    } catch (MalformedDerException e) {
      return null;
    }
  }

  private static boolean isTbsStart(Tlv tbs) {
    DerReader r = tbs.children();
    Tlv first = r.next();
    return first.tag() == 0xa0 || first.tag() == Tlv.INTEGER && r.hasNext() && r.next().tag() == Tlv.SEQUENCE;
  }

  private static int indexOf(byte[] b, byte[] pat, int from) {
    outer:
    for (int i = from; i <= b.length - pat.length; i++) {
      for (int j = 0; j < pat.length; j++) {
        if (b[i + j] != pat[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
