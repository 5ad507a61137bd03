package org.ctmon.store;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Position in a listing ordered newest first by (time, tie-breaker bytes): the keyset of the
 * last row of a page. Serialized as URL-safe base64 so clients treat it as opaque.
 *
 * @param time milliseconds since the epoch of the last row returned
 * @param tieBreaker the unique key that orders rows of the same time (a TBS hash, an id)
 */
public record Cursor(long time, byte[] tieBreaker) {
  private static final byte VERSION = 1;

  public Cursor {
    tieBreaker = tieBreaker.clone();
  }

  @Override
  public byte[] tieBreaker() {
    return tieBreaker.clone();
  }

  /** The opaque text form. */
  public String encode() {
    ByteBuffer b = ByteBuffer.allocate(1 + 8 + tieBreaker.length);
    b.put(VERSION).putLong(time).put(tieBreaker);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  /** Parses {@link #encode()}'s form; a cursor that is not one is an {@link IllegalArgumentException}. */
  public static Cursor decode(String text) {
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid cursor: not base64url", e);
    }
    if (raw.length < 9 || raw[0] != VERSION || raw.length > 9 + 64) {
      throw new IllegalArgumentException("invalid cursor: unknown format");
    }
    ByteBuffer b = ByteBuffer.wrap(raw);
    b.get();
    long time = b.getLong();
    byte[] tie = new byte[b.remaining()];
    b.get(tie);
    return new Cursor(time, tie);
  }

  /** A cursor whose tie-breaker is a numeric id. */
  public static Cursor ofId(long time, long id) {
    return new Cursor(time, ByteBuffer.allocate(8).putLong(id).array());
  }

  /** The tie-breaker read as a numeric id ({@link #ofId}). */
  public long id() {
    if (tieBreaker.length != 8) {
      throw new IllegalArgumentException("invalid cursor: not an id cursor");
    }
    return ByteBuffer.wrap(tieBreaker).getLong();
  }
}
