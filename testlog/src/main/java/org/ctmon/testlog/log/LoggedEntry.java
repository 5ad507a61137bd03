package org.ctmon.testlog.log;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.merkle.MerkleHash;
import org.ctmon.testlog.fault.Damage;
import org.ctmon.testlog.pki.IssuedCertificate;
import org.ctmon.testlog.pki.IssuedPrecertificate;
import org.ctmon.testlog.pki.Submission;

/**
 * One entry at its index in a test log: what was logged (a {@link Submission} from the PKI, or a
 * deliberately {@link Damage}d one), when, and the CtExtensions the log stamped on it (a leaf_index
 * extension for static-ct-api logs, none for RFC 6962 logs). Encodes itself as the log serves it:
 * RFC 6962 {@code leaf_input} and {@code extra_data}, static-ct-api TileLeaf.
 *
 * <p>Immutable. Encodings are computed on each call (a log of a million entries keeps the
 * certificates, not three encodings of each).
 */
public final class LoggedEntry {
  private static final int LEAF_INDEX_TYPE = 0;
  private static final long MAX_UINT40 = (1L << 40) - 1;

  private final long index;
  private final long timestamp;
  private final Submission entry;
  private final byte[] extensions;
  private final Damage damage;

  private LoggedEntry(long index, long timestamp, Submission entry, byte[] extensions, Damage damage) {
    if (index < 0 || timestamp < 0) {
      throw new IllegalArgumentException("entry index " + index + " and timestamp " + timestamp + " must not be negative");
    }
    this.index = index;
    this.timestamp = timestamp;
    this.entry = entry;
    this.extensions = extensions;
    this.damage = damage;
  }

  /** {@code entry} logged at {@code index} and {@code timestamp} (ms) by a log of {@code protocol}. */
  public static LoggedEntry of(long index, long timestamp, Submission entry, LogProtocol protocol) {
    return new LoggedEntry(index, timestamp, entry, extensionsFor(index, protocol), null);
  }

  /**
   * {@code entry} at {@code index} stamped with {@code extensions} instead of what its log stamps:
   * a static-ct-api log that lost an entry's leaf_index or wrote another index into it.
   */
  public static LoggedEntry misstamped(long index, long timestamp, Submission entry, byte[] extensions) {
    return new LoggedEntry(index, timestamp, entry, extensions.clone(), null);
  }

  /** A broken entry at {@code index} (see {@link Damage}). */
  public static LoggedEntry damaged(long index, long timestamp, Damage damage, LogProtocol protocol) {
    long stamped = damage == Damage.WRONG_LEAF_INDEX ? index + 1_000_000 : index;
    byte[] ext = protocol == LogProtocol.STATIC || damage == Damage.WRONG_LEAF_INDEX
        ? leafIndexExtension(stamped) : new byte[0];
    return new LoggedEntry(index, timestamp, null, ext, damage);
  }

  /**
   * The static-ct-api CtExtensions holding one leaf_index extension: type 0, length 5, the index as a
   * big-endian uint40 (8 bytes in all).
   */
  public static byte[] leafIndexExtension(long index) {
    if (index < 0 || index > MAX_UINT40) {
      throw new IllegalArgumentException("leaf index " + index + " does not fit a uint40");
    }
    byte[] out = new byte[8];
    out[0] = LEAF_INDEX_TYPE;
    out[1] = 0;
    out[2] = 5;
    for (int i = 0; i < 5; i++) {
      out[3 + i] = (byte) (index >>> (8 * (4 - i)));
    }
    return out;
  }

  static byte[] extensionsFor(long index, LogProtocol protocol) {
    return protocol == LogProtocol.STATIC ? leafIndexExtension(index) : new byte[0];
  }

  /** Position in the log. */
  public long index() {
    return index;
  }

  /** The TimestampedEntry's timestamp, ms since the epoch. */
  public long timestamp() {
    return timestamp;
  }

  /** What was logged; empty for a damaged entry. */
  public Optional<Submission> entry() {
    return Optional.ofNullable(entry);
  }

  /** How the entry is broken, if it is. */
  public Optional<Damage> damage() {
    return Optional.ofNullable(damage);
  }

  /** The CtExtensions bytes of the TimestampedEntry (a copy). */
  public byte[] extensions() {
    return extensions.clone();
  }

  /** The issuer chain the entry's extra_data or TileLeaf refers to (empty for a damaged entry). */
  public List<Der> chain() {
    if (entry instanceof IssuedCertificate x) {
      return x.chain();
    }
    if (entry instanceof IssuedPrecertificate p) {
      return p.chain();
    }
    return List.of();
  }

  /** The same entry with another timestamp: what a forked (split-view) tree logs instead. */
  LoggedEntry withTimestamp(long newTimestamp) {
    return new LoggedEntry(index, newTimestamp, entry, extensions, damage);
  }

  /** The RFC 6962 TimestampedEntry. */
  public byte[] timestampedEntry() {
    if (entry != null) {
      return entry.timestampedEntry(timestamp, extensions);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    u64(out, timestamp);
    byte[] garbage = ("not a certificate: damaged test entry " + index).getBytes(StandardCharsets.US_ASCII);
    switch (damage) {
      case GARBAGE_CERTIFICATE:
      case WRONG_LEAF_INDEX:
        u16(out, 0);
        // Starts like a DER SEQUENCE whose length runs far past the end: not a certificate.
        u24(out, garbage.length + 4);
        out.write(0x30);
        out.write(0x82);
        out.write(0x7f);
        out.write(0xff);
        out.writeBytes(garbage);
        break;
      case BROKEN_FRAMING:
        // A certificate length past the end: neither leaf_input nor the TileLeaf can be framed.
        u16(out, 0);
        u24(out, 0xfffff0);
        out.writeBytes(garbage);
        return out.toByteArray();
      default:
        throw new AssertionError("unknown damage " + damage);
    }
    u16(out, extensions.length);
    out.writeBytes(extensions);
    return out.toByteArray();
  }

  /**
   * The RFC 6962 MerkleTreeLeaf ({@code leaf_input}): version 0, leaf type 0, the TimestampedEntry.
   * Encoded here in one exact-size array (the hot path of get-entries); equal to {@code 00 00} and
   * {@link Submission#timestampedEntry} of the PKI, as {@code LoggedEntryTest} checks.
   */
  public byte[] leafInput() {
    if (entry == null) {
      byte[] te = timestampedEntry();
      byte[] out = new byte[te.length + 2];
      System.arraycopy(te, 0, out, 2, te.length);
      return out;
    }
    ByteBuffer b = ByteBuffer.allocate(2 + timestampedLength());
    b.put((byte) 0).put((byte) 0);
    putTimestamped(b);
    return b.array();
  }

  private byte[] signedDer() {
    return entry instanceof IssuedCertificate x
        ? x.certificate().unsafeBytes() : ((IssuedPrecertificate) entry).tbsCertificate().unsafeBytes();
  }

  private int timestampedLength() {
    return 8 + 2 + (entry.entryType() == 1 ? 32 : 0) + 3 + signedDer().length + 2 + extensions.length;
  }

  private void putTimestamped(ByteBuffer b) {
    b.putLong(timestamp).putShort((short) entry.entryType());
    if (entry instanceof IssuedPrecertificate p) {
      b.put(p.issuerKeyHash().bytes());
    }
    byte[] der = signedDer();
    putU24(b, der.length);
    b.put(der).putShort((short) extensions.length).put(extensions);
  }

  private static void putU24(ByteBuffer b, int v) {
    b.put((byte) (v >>> 16)).putShort((short) v);
  }

  /** The Merkle leaf hash of {@link #leafInput()}: what the tree commits to. */
  public Sha256 leafHash() {
    return MerkleHash.leaf(leafInput());
  }

  /**
   * The RFC 6962 extra_data (an empty chain for a damaged entry), with the chain's encoding shared
   * between entries of the same chain; equal to {@link Submission#extraData} of the PKI.
   */
  public byte[] extraData() {
    if (entry == null) {
      return new byte[3];
    }
    byte[] chainVector = ChainVectors.of(chain());
    if (entry instanceof IssuedCertificate) {
      return chainVector.clone();
    }
    byte[] pre = ((IssuedPrecertificate) entry).precertificate().unsafeBytes();
    ByteBuffer b = ByteBuffer.allocate(3 + pre.length + chainVector.length);
    putU24(b, pre.length);
    return b.put(pre).put(chainVector).array();
  }

  /**
   * The static-ct-api TileLeaf (an empty fingerprint list for a damaged entry); equal to {@link
   * Submission#tileLeaf} of the PKI.
   */
  public byte[] tileLeaf() {
    if (entry != null) {
      byte[] fingerprints = ChainVectors.fingerprints(chain());
      byte[] pre = entry instanceof IssuedPrecertificate p ? p.precertificate().unsafeBytes() : null;
      ByteBuffer b = ByteBuffer.allocate(timestampedLength() + (pre == null ? 0 : 3 + pre.length) + fingerprints.length);
      putTimestamped(b);
      if (pre != null) {
        putU24(b, pre.length);
        b.put(pre);
      }
      return b.put(fingerprints).array();
    }
    byte[] te = timestampedEntry();
    byte[] out = new byte[te.length + 2];
    System.arraycopy(te, 0, out, 0, te.length);
    return out;
  }

  private static void u64(ByteArrayOutputStream out, long v) {
    for (int shift = 56; shift >= 0; shift -= 8) {
      out.write((int) (v >>> shift));
    }
  }

  private static void u16(ByteArrayOutputStream out, int v) {
    out.write(v >>> 8);
    out.write(v);
  }

  private static void u24(ByteArrayOutputStream out, int v) {
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
  }

  @Override
  public String toString() {
    return "LoggedEntry[" + index + ", " + timestamp + (damage != null ? ", damaged " + damage
        : ", " + (entry.entryType() == 0 ? "x509" : "precert")) + "]";
  }
}
