package org.ctmon.store;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Position in a listing ordered newest first by (time, id): the keyset of the last row of a page.
 * Serialized as URL-safe base64 so clients treat it as opaque; the next page holds the rows
 * strictly older than it, so no row is returned twice or skipped while new rows arrive.
 *
 * @param time milliseconds since the epoch of the last row returned
 * @param id the unique id that orders rows of the same time
 */
public record Cursor(long time, long id) {
  private static final byte VERSION = 1;

  /** The opaque text form. */
  public String encode() {
    ByteBuffer b = ByteBuffer.allocate(17);
    b.put(VERSION).putLong(time).putLong(id);
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
    if (raw.length != 17 || raw[0] != VERSION) {
      throw new IllegalArgumentException("invalid cursor: unknown format");
    }
    ByteBuffer b = ByteBuffer.wrap(raw, 1, 16);
    return new Cursor(b.getLong(), b.getLong());
  }
}
