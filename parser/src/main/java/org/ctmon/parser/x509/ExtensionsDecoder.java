package org.ctmon.parser.x509;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes the extensions a monitor needs from the {@code [3]} field of a TBSCertificate:
 * subjectAltName (names), basicConstraints (cA), the embedded SCT list and the CT poison.
 * A broken extension costs a problem string, never the others; one that is not even a SEQUENCE
 * makes the certificate malformed (its reason), and the others are still read.
 */
final class ExtensionsDecoder {
  private ExtensionsDecoder() {}

  static void decode(Tlv ext3, FactsBuilder out) {
    Tlv seq = Tlv.read(ext3.buf(), ext3.valueStart(), ext3.valueEnd()).expect(Tlv.SEQUENCE, "extensions");
    DerReader r = seq.children();
    List<Tlv> seen = new ArrayList<>(12);
    if (!r.hasNext()) {
      out.problem("empty extensions");
      out.notDer = true;
    }
    int n = 0;
    while (r.hasNext()) {
      Tlv ext = r.next();
      n++;
      if (ext.tag() != Tlv.SEQUENCE) {
        String why = String.format("extension %d: expected tag 0x30, found 0x%02x at offset %d", n, ext.tag(), ext.start());
        out.problem(why);
        if (out.fatal == null) {
          out.fatal = why;
        }
        continue;
      }
      Tlv oid = null;
      try {
        DerReader e = ext.children();
        oid = e.next(Tlv.OID, "extension id");
        Tlv critical = e.nextIf(Tlv.BOOLEAN);
        Tlv value = e.next(Tlv.OCTET_STRING, "extension value");
        for (Tlv other : seen) {
          if (sameValue(other, oid)) {
            out.problem("duplicate extension " + Oids.text(oid));
          }
        }
        seen.add(oid);
        byte[] b = value.buf();
        if (oid.isOid(Oids.SUBJECT_ALT_NAME)) {
          SubjectAltNames.read(b, value.valueStart(), value.valueEnd(), out);
        } else if (oid.isOid(Oids.BASIC_CONSTRAINTS)) {
          Tlv bc = Tlv.read(b, value.valueStart(), value.valueEnd()).expect(Tlv.SEQUENCE, "basic constraints");
          Tlv ca = bc.children().nextIf(Tlv.BOOLEAN);
          out.isCa = ca != null && ca.valueLength() == 1 && b[ca.valueStart()] != 0;
        } else if (oid.isOid(Oids.SCT_LIST)) {
          String p = SctListDecoder.decode(b, value.valueStart(), value.valueEnd(), out.embeddedScts);
          if (p != null) {
            out.problem(p);
          }
        } else if (oid.isOid(Oids.CT_POISON)) {
          out.precertificate = true;
        }
        if (critical != null) {
          int v = critical.valueLength() == 1 ? b[critical.valueStart()] & 0xff : -1;
          if (v == 0) {
            out.problem("extension " + Oids.text(oid) + " has critical false written explicitly");
            out.notDer = true;
          } else if (v != 0xff) {
            out.problem("extension " + Oids.text(oid) + " critical flag not in der form");
            out.notDer = true;
          }
        }
      } catch (MalformedDerException e) {
        out.problem("extension " + (oid == null ? "?" : Oids.text(oid)) + ": " + e.getMessage());
      }
    }
  }

  private static boolean sameValue(Tlv a, Tlv b) {
    return Arrays.equals(a.buf(), a.valueStart(), a.valueEnd(), b.buf(), b.valueStart(), b.valueEnd());
  }
}
