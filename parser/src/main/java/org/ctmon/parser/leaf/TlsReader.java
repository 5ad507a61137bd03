package org.ctmon.parser.leaf;

/**
 * A bounded reader of the TLS presentation language (RFC 8446 §3) over a region of a byte array:
 * big-endian unsigned integers and length-prefixed opaque vectors.
 *
 * <p>Every read checks the bytes left <em>before</em> it advances; a length prefix larger than
 * what is left is a {@link TlsFormatException} naming the field and the offset, so nothing is ever
 * sized by an attacker-chosen length. The reader never copies: vector reads return the length and
 * leave the body's start in {@link #lastStart()}, and callers copy what they keep. Offsets in
 * messages are absolute positions in the array. Not thread-safe; cheap to create.
 */
public final class TlsReader {
  private final byte[] buf;
  private final int limit;
  private int pos;
  private int lastStart;

  /** Reads all of {@code buf}. */
  public TlsReader(byte[] buf) {
    this(buf, 0, buf.length);
  }

  /** Reads {@code buf} from {@code offset} (inclusive) to {@code limit} (exclusive). */
  public TlsReader(byte[] buf, int offset, int limit) {
    if (offset < 0 || offset > limit || limit > buf.length) {
      throw new IllegalArgumentException(
          "region " + offset + ".." + limit + " is outside the " + buf.length + " bytes");
    }
    this.buf = buf;
    this.pos = offset;
    this.limit = limit;
    this.lastStart = offset;
  }

  /** A reader over {@code length} bytes from {@code start}, which must lie inside this reader's region. */
  public TlsReader sub(int start, int length) {
    return new TlsReader(buf, start, start + length);
  }

  /** The absolute offset of the next byte to read. */
  public int position() {
    return pos;
  }

  /** The number of bytes left in the region. */
  public int remaining() {
    return limit - pos;
  }

  /** Whether bytes are left in the region. */
  public boolean hasRemaining() {
    return pos < limit;
  }

  /** The absolute offset where the body of the last vector (or fixed field) read starts. */
  public int lastStart() {
    return lastStart;
  }

  public int uint8(String field) {
    need(field, 1);
    return buf[pos++] & 0xff;
  }

  public int uint16(String field) {
    need(field, 2);
    int v = (buf[pos] & 0xff) << 8 | (buf[pos + 1] & 0xff);
    pos += 2;
    return v;
  }

  public int uint24(String field) {
    need(field, 3);
    int v = (buf[pos] & 0xff) << 16 | (buf[pos + 1] & 0xff) << 8 | (buf[pos + 2] & 0xff);
    pos += 3;
    return v;
  }

  public long uint40(String field) {
    return bigEndian(field, 5);
  }

  /** A uint64 as a Java long: values of 2^63 and above come back negative, for the caller to judge. */
  public long uint64(String field) {
    return bigEndian(field, 8);
  }

  private long bigEndian(String field, int bytes) {
    need(field, bytes);
    long v = 0;
    for (int i = 0; i < bytes; i++) {
      v = v << 8 | (buf[pos + i] & 0xff);
    }
    pos += bytes;
    return v;
  }

  /** Skips a fixed-size field ({@code opaque field[n]}) and returns its start offset. */
  public int fixed(String field, int n) {
    need(field, n);
    lastStart = pos;
    pos += n;
    return lastStart;
  }

  /** {@code opaque field<min..max>} with a 1-byte length; returns the length, start in {@link #lastStart()}. */
  public int opaque8(String field, int min, int max) {
    int at = pos;
    return body(field, at, uint8(field), min, max);
  }

  /** {@code opaque field<min..max>} with a 2-byte length; returns the length, start in {@link #lastStart()}. */
  public int opaque16(String field, int min, int max) {
    int at = pos;
    return body(field, at, uint16(field), min, max);
  }

  /** {@code opaque field<min..max>} with a 3-byte length; returns the length, start in {@link #lastStart()}. */
  public int opaque24(String field, int min, int max) {
    int at = pos;
    return body(field, at, uint24(field), min, max);
  }

  /** Fails unless the region is fully consumed; {@code structure} names what was just read. */
  public void expectEnd(String structure) {
    if (pos != limit) {
      throw new TlsFormatException(MalformedKind.TRAILING_BYTES, pos,
          (limit - pos) + " trailing bytes at offset " + pos + " after " + structure);
    }
  }

  private int body(String field, int at, int length, int min, int max) {
    if (length > limit - pos) {
      throw new TlsFormatException(MalformedKind.TRUNCATED, at, "truncated " + field + " at offset " + at
          + ": length " + length + " exceeds the " + (limit - pos) + " bytes left");
    }
    if (length < min || length > max) {
      throw new TlsFormatException(MalformedKind.BAD_LENGTH, at, field + " at offset " + at + ": length "
          + length + " is outside " + min + ".." + max);
    }
    lastStart = pos;
    pos += length;
    return length;
  }

  private void need(String field, int n) {
    if (n > limit - pos) {
      throw new TlsFormatException(MalformedKind.TRUNCATED, pos, "truncated " + field + " at offset " + pos
          + ": needs " + n + (n == 1 ? " byte, " : " bytes, ") + (limit - pos) + " left");
    }
  }
}
