package org.ctmon.parser;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A SHA-256 digest: the primary key of this domain (TBS hashes, certificate fingerprints, SPKI
 * hashes, Merkle tree nodes, log ids).
 *
 * <p>Immutable with value equality; {@link #toString()} is lower-case hex. The 32 bytes are copied
 * on the way in and out, so an instance can be shared freely between threads.
 */
public final class Sha256 implements Comparable<Sha256> {
  /** Length of a digest in bytes. */
  public static final int LENGTH = 32;

  private static final HexFormat HEX = HexFormat.of();
  private final byte[] bytes;

  private Sha256(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps an existing 32-byte digest (copied); throws {@link IllegalArgumentException} on any other length. */
  public static Sha256 wrap(byte[] digest) {
    if (digest.length != LENGTH) {
      throw new IllegalArgumentException("a sha-256 digest has 32 bytes, not " + digest.length);
    }
    return new Sha256(digest.clone());
  }

  /** Wraps 32 bytes of {@code buf} starting at {@code offset} (copied). */
  public static Sha256 wrap(byte[] buf, int offset) {
    if (offset < 0 || offset + LENGTH > buf.length) {
      throw new IllegalArgumentException("no 32-byte digest at offset " + offset + " of " + buf.length + " bytes");
    }
    return new Sha256(Arrays.copyOfRange(buf, offset, offset + LENGTH));
  }

  /** Parses 64 hex digits (either case). */
  public static Sha256 fromHex(String hex) {
    if (hex.length() != LENGTH * 2) {
      throw new IllegalArgumentException("a sha-256 digest has 64 hex digits, not " + hex.length());
    }
    return new Sha256(HEX.parseHex(hex));
  }

  /** The digest of {@code data}. */
  public static Sha256 of(byte[] data) {
    return of(data, 0, data.length);
  }

  /** The digest of {@code length} bytes of {@code data} from {@code offset}. */
  public static Sha256 of(byte[] data, int offset, int length) {
    MessageDigest md = newDigest();
    md.update(data, offset, length);
    return new Sha256(md.digest());
  }

  /** A fresh SHA-256 {@link MessageDigest}; every JRE has one, so its absence is an {@link AssertionError}. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("the JRE has no SHA-256", e);
    }
  }

  /** A copy of the 32 bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Writes the 32 bytes into {@code dest} at {@code offset} without copying twice. */
  public void copyTo(byte[] dest, int offset) {
    System.arraycopy(bytes, 0, dest, offset, LENGTH);
  }

  /** Feeds the 32 bytes to a digest without copying. */
  public void updateDigest(MessageDigest md) {
    md.update(bytes);
  }

  /** Lower-case hex, 64 digits. */
  public String hex() {
    return HEX.formatHex(bytes);
  }

  /** Standard base64 with padding, as CT logs write hashes in JSON and checkpoints. */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sha256 other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    // The bytes are already uniformly distributed.
    return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
  }

  @Override
  public int compareTo(Sha256 o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
