package org.ctmon.parser.x509;

/** A cursor over consecutive TLVs between two offsets of a byte array. Not thread-safe. */
final class DerReader {
  private final byte[] buf;
  private int pos;
  private final int end;

  DerReader(byte[] buf, int pos, int end) {
    this.buf = buf;
    this.pos = pos;
    this.end = end;
  }

  boolean hasNext() {
    return pos < end;
  }

  /** The next TLV; throws {@link MalformedDerException} if it cannot be framed. */
  Tlv next() {
    Tlv t = Tlv.read(buf, pos, end);
    pos = t.end();
    return t;
  }

  /** The next TLV if it has tag {@code tag}, otherwise null (the cursor does not move). */
  Tlv nextIf(int tag) {
    if (pos < end && (buf[pos] & 0xff) == tag) {
      return next();
    }
    return null;
  }

  /**
   * The next TLV, which must be there; its tag is checked against {@code tag} only if {@code
   * checked} (else the caller checks it, field by field).
   */
  Tlv next(int tag, String what, boolean checked) {
    if (pos >= end) {
      throw new MalformedDerException(what + ": missing at offset " + pos);
    }
    return checked ? next().expect(tag, what) : next();
  }

  /** The next TLV, which must have tag {@code tag}; {@code what} names the field. */
  Tlv next(int tag, String what) {
    if (pos >= end) {
      throw new MalformedDerException(what + ": missing at offset " + pos);
    }
    return next().expect(tag, what);
  }
}
