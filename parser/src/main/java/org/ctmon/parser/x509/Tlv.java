package org.ctmon.parser.x509;

import java.util.Arrays;

/**
 * One BER/DER tag-length-value framed inside a byte array, by offsets (nothing is copied).
 *
 * <p>{@code tag} is the first identifier byte (class, constructed bit and low tag number);
 * high tag numbers are framed correctly but all read as {@code 0x1f} in the low bits. An
 * indefinite length (BER) is accepted for constructed values and then {@code end} includes the
 * two end-of-contents bytes.
 */
record Tlv(byte[] buf, int tag, int start, int valueStart, int end, boolean indefinite) {
  static final int BOOLEAN = 0x01;
  static final int INTEGER = 0x02;
  static final int BIT_STRING = 0x03;
  static final int OCTET_STRING = 0x04;
  static final int NULL = 0x05;
  static final int OID = 0x06;
  static final int UTF8_STRING = 0x0c;
  static final int PRINTABLE_STRING = 0x13;
  static final int T61_STRING = 0x14;
  static final int IA5_STRING = 0x16;
  static final int UTC_TIME = 0x17;
  static final int GENERALIZED_TIME = 0x18;
  static final int VISIBLE_STRING = 0x1a;
  static final int UNIVERSAL_STRING = 0x1c;
  static final int BMP_STRING = 0x1e;
  static final int SEQUENCE = 0x30;
  static final int SET = 0x31;

  private static final int MAX_DEPTH = 48;

  /** Reads the TLV at {@code pos}, which must end at or before {@code limit}. */
  static Tlv read(byte[] buf, int pos, int limit) {
    return read(buf, pos, limit, 0);
  }

  private static Tlv read(byte[] buf, int pos, int limit, int depth) {
    if (depth > MAX_DEPTH) {
      throw new MalformedDerException("nesting deeper than " + MAX_DEPTH + " at offset " + pos);
    }
    int p = pos;
    if (p >= limit) {
      throw new MalformedDerException("expected a tag at offset " + p + ", found the end");
    }
    int tag = buf[p++] & 0xff;
    if ((tag & 0x1f) == 0x1f) {
      int n = 0;
      while (true) {
        if (p >= limit || ++n > 4) {
          throw new MalformedDerException("bad high tag number at offset " + pos);
        }
        if ((buf[p++] & 0x80) == 0) {
          break;
        }
      }
    }
    if (p >= limit) {
      throw new MalformedDerException("expected a length at offset " + p + ", found the end");
    }
    int first = buf[p++] & 0xff;
    if (first == 0x80) {
      if ((tag & 0x20) == 0) {
        throw new MalformedDerException("indefinite length on a primitive value at offset " + pos);
      }
      int q = p;
      while (true) {
        if (q + 2 <= limit && buf[q] == 0 && buf[q + 1] == 0) {
          return new Tlv(buf, tag, pos, p, q + 2, true);
        }
        q = read(buf, q, limit, depth + 1).end;
      }
    }
    long len;
    if (first < 0x80) {
      len = first;
    } else {
      int n = first & 0x7f;
      if (n > 4) {
        throw new MalformedDerException("length of " + n + " bytes at offset " + pos);
      }
      if (p + n > limit) {
        throw new MalformedDerException("length runs past the end at offset " + pos);
      }
      len = 0;
      for (int i = 0; i < n; i++) {
        len = (len << 8) | (buf[p++] & 0xff);
      }
    }
    if (len > limit - p) {
      throw new MalformedDerException("value of " + len + " bytes at offset " + pos + " runs past "
          + limit);
    }
    return new Tlv(buf, tag, pos, p, p + (int) len, false);
  }

  /** Where the value ends (before the end-of-contents bytes of an indefinite length). */
  int valueEnd() {
    return indefinite ? end - 2 : end;
  }

  int valueLength() {
    return valueEnd() - valueStart;
  }

  int length() {
    return end - start;
  }

  /** A reader over the values inside this one. */
  DerReader children() {
    return new DerReader(buf, valueStart, valueEnd());
  }

  /** A copy of the whole encoding, header included. */
  byte[] encoded() {
    return Arrays.copyOfRange(buf, start, end);
  }

  /** Whether this is an OBJECT IDENTIFIER whose value bytes are {@code oid}. */
  boolean isOid(byte[] oid) {
    return tag == OID && Arrays.equals(buf, valueStart, valueEnd(), oid, 0, oid.length);
  }

  /** Throws unless the tag is {@code expected}; {@code what} names the field for the message. */
  Tlv expect(int expected, String what) {
    if (tag != expected) {
      throw new MalformedDerException(String.format(
          "%s: expected tag 0x%02x, found 0x%02x at offset %d", what, expected, tag, start));
    }
    return this;
  }
}
