package org.ctmon.parser.x509;

/**
 * The object identifiers this package looks for, as DER value bytes (so matching is a byte
 * comparison), and dotted text of any OID.
 */
final class Oids {
  private Oids() {}

  static final byte[] SUBJECT_ALT_NAME = {0x55, 0x1d, 0x11};
  static final byte[] BASIC_CONSTRAINTS = {0x55, 0x1d, 0x13};
  /** 1.3.6.1.4.1.11129.2.4.2: the embedded SCT list. */
  static final byte[] SCT_LIST = {0x2b, 0x06, 0x01, 0x04, 0x01, (byte) 0xd6, 0x79, 0x02, 0x04, 0x02};
  /** 1.3.6.1.4.1.11129.2.4.3: the precertificate poison. */
  static final byte[] CT_POISON = {0x2b, 0x06, 0x01, 0x04, 0x01, (byte) 0xd6, 0x79, 0x02, 0x04, 0x03};

  /** Dotted decimal text of the OID TLV {@code oid}; malformed arcs render as they decode. */
  static String text(Tlv oid) {
    byte[] b = oid.buf();
    int p = oid.valueStart();
    int end = oid.valueEnd();
    if (p >= end) {
      return "";
    }
    StringBuilder sb = new StringBuilder(24);
    boolean first = true;
    long v = 0;
    for (int i = p; i < end; i++) {
      v = v << 7 | (b[i] & 0x7f);
      if ((b[i] & 0x80) == 0) {
        if (first) {
          long a = v < 80 ? v / 40 : 2;
          sb.append(a).append('.').append(v - 40 * a);
          first = false;
        } else {
          sb.append('.').append(v);
        }
        v = 0;
      } else if (v > (Long.MAX_VALUE >> 8)) {
        return sb.append(".?").toString();
      }
    }
    return sb.toString();
  }
}
