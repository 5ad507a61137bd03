package org.ctmon.parser.x509;

import java.nio.charset.StandardCharsets;

/**
 * Reads the dNSName and iPAddress entries of a subjectAltName extension value (GeneralNames)
 * into a {@link FactsBuilder}. Other name forms (email, URI, directory names) are skipped.
 */
final class SubjectAltNames {
  private SubjectAltNames() {}

  private static final int DNS_NAME = 0x82;
  private static final int IP_ADDRESS = 0x87;

  /**
   * Adds the names in the GeneralNames TLV at {@code from}. Names framed before a failure are
   * kept; the failure is thrown as {@link MalformedDerException} for the caller to report.
   */
  static void read(byte[] b, int from, int to, FactsBuilder out) {
    Tlv seq = Tlv.read(b, from, to).expect(Tlv.SEQUENCE, "subject alt names");
    DerReader r = seq.children();
    if (!r.hasNext()) {
      out.problem("empty subject alt names");
    }
    while (r.hasNext()) {
      Tlv gn = r.next();
      if (gn.tag() == DNS_NAME) {
        out.addDnsName(ia5(b, gn.valueStart(), gn.valueLength()));
      } else if (gn.tag() == IP_ADDRESS) {
        String ip = IpAddressText.of(b, gn.valueStart(), gn.valueLength());
        if (ip == null) {
          out.problem("san ip address of " + gn.valueLength() + " bytes");
        } else {
          out.addIp(ip);
        }
      } else if (gn.tag() == 0xa2) {
        // dNSName wrongly encoded as constructed (seen in the wild): take the string inside
        DerReader inner = gn.children();
        if (inner.hasNext()) {
          Tlv s = inner.next();
          out.addDnsName(ia5(b, s.valueStart(), s.valueLength()));
          out.problem("san dnsname encoded as constructed");
        }
      }
    }
  }

  /**
   * IA5 bytes as text: ASCII as is; any other byte makes the whole value UTF-8 if it decodes,
   * Latin-1 otherwise, so no byte is lost (the name is then flagged non-ascii).
   */
  static String ia5(byte[] b, int p, int n) {
    for (int i = p; i < p + n; i++) {
      if (b[i] < 0) {
        String utf8 = new String(b, p, n, StandardCharsets.UTF_8);
        return utf8.indexOf('\ufffd') < 0 ? utf8 : new String(b, p, n, StandardCharsets.ISO_8859_1);
      }
    }
    return new String(b, p, n, StandardCharsets.ISO_8859_1);
  }
}
