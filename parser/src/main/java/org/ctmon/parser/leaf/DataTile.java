package org.ctmon.parser.leaf;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.ctmon.parser.Der;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;

/**
 * Decodes a static-ct-api data tile ({@code <monitoring>/tile/data/<N>[.p/<W>]}): 1 to 256
 * {@code TileLeaf}s concatenated without other framing, possibly gzip-compressed.
 *
 * <pre>
 *   bytes ─(gzip magic? inflate, capped at MAX_INFLATED_BYTES)─&gt; TileLeaf TileLeaf … ─&gt; Decoded | Malformed per entry
 * </pre>
 *
 * <p>Entry {@code k} of the tile gets index {@code firstIndex + k} and must carry the
 * {@code leaf_index} extension with that value. One without it, or with another value, is decoded
 * all the same (the tree proves the leaf; the extension is the log's word about where it put it)
 * and flagged in its {@link Decoded}; the caller decides what a contradicting value says about the
 * log. An entry whose fields are wrong but whose length is sound (a chain that is not whole
 * fingerprints) is one {@link Malformed} and decoding goes on; an entry that cannot be framed leaves the rest of the tile unframeable, so the
 * result ends with one {@link Malformed} holding the bytes from that entry to the end. Never throws
 * for any input bytes; stateless and thread-safe.
 */
public final class DataTile {
  /** The most entries a data tile holds. */
  public static final int MAX_ENTRIES = 256;

  /**
   * The cap on an inflated gzip tile: 64 MiB. A full tile of 256 entries with certificates of
   * 100 KB (far above real ones, which are 1-3 KB) plus precertificates is about 51 MB; anything
   * beyond the cap is reported as {@link MalformedKind#GZIP_TOO_LARGE} after allocating at most
   * the cap.
   */
  public static final int MAX_INFLATED_BYTES = 64 * 1024 * 1024;

  private DataTile() {}

  /**
   * Decodes every entry of a tile whose first entry has index {@code firstIndex}; {@code tileBytes}
   * may be gzip-compressed. The list is never empty: an empty or undecodable tile gives one
   * {@link Malformed}.
   */
  public static List<EntryDecoding> decode(long firstIndex, byte[] tileBytes) {
    return decode(firstIndex, tileBytes, MAX_ENTRIES, false);
  }

  /**
   * Decodes the first {@code expectedCount} (1..256) entries of a tile, as named by its path (256
   * for a full tile, {@code W} for {@code .p/W}). If the tile frames fewer entries, the list ends
   * with a {@link MalformedKind#COUNT_MISMATCH}; entries beyond {@code expectedCount} are ignored,
   * because a full tile legitimately answers for a deleted partial one.
   */
  public static List<EntryDecoding> decode(long firstIndex, byte[] tileBytes, int expectedCount) {
    if (expectedCount < 1 || expectedCount > MAX_ENTRIES) {
      throw new IllegalArgumentException("a data tile holds 1.." + MAX_ENTRIES + " entries, not " + expectedCount);
    }
    return decode(firstIndex, tileBytes, expectedCount, true);
  }

  /** Whether {@code bytes} are gzip-compressed (start with 1f 8b); a plain tile never does. */
  public static boolean isGzip(byte[] bytes) {
    return TileGzip.isGzip(bytes);
  }

  private static List<EntryDecoding> decode(long firstIndex, byte[] tileBytes, int maxEntries, boolean exact) {
    byte[] raw = tileBytes == null ? new byte[0] : tileBytes;
    byte[] data = raw;
    if (TileGzip.isGzip(raw)) {
      try {
        data = TileGzip.inflate(raw, MAX_INFLATED_BYTES);
      } catch (TlsFormatException e) {
        return List.of(new Malformed(firstIndex, e.kind(), e.offset(), e.getMessage(), Optional.empty(),
            OpaqueBytes.of(raw), OpaqueBytes.empty()));
      }
    }
    if (data.length == 0) {
      return List.of(new Malformed(firstIndex, MalformedKind.TRUNCATED, 0, "empty data tile", Optional.empty(),
          OpaqueBytes.empty(), OpaqueBytes.empty()));
    }
    List<EntryDecoding> out = new ArrayList<>(Math.min(maxEntries, MAX_ENTRIES));
    MessageDigest md = Sha256.newDigest();
    int pos = 0;
    while (pos < data.length && out.size() < maxEntries) {
      long index = firstIndex + out.size();
      TileLeafFrame frame;
      try {
        frame = TileLeafFrame.read(new TlsReader(data, pos, data.length));
      } catch (TlsFormatException e) {
        out.add(malformed(index, e, Optional.empty(), data, pos, data.length, out.size()));
        return Collections.unmodifiableList(out);
      } catch (RuntimeException e) {
        out.add(internal(index, e, Optional.empty(), data, pos, data.length));
        return Collections.unmodifiableList(out);
      }
      Sha256 leafHash = leafHash(md, data, frame.timestampedEntry());
      try {
        out.add(entry(data, frame, index, leafHash));
      } catch (TlsFormatException e) {
        out.add(malformed(index, e, Optional.of(leafHash), data, pos, frame.end(), out.size()));
      } catch (RuntimeException e) {
        out.add(internal(index, e, Optional.of(leafHash), data, pos, frame.end()));
      }
      pos = frame.end();
    }
    if (pos < data.length && !exact) {
      out.add(new Malformed(firstIndex + out.size(), MalformedKind.TRAILING_BYTES, pos,
          (data.length - pos) + " trailing bytes at offset " + pos + " after " + MAX_ENTRIES + " entries",
          Optional.empty(), OpaqueBytes.of(data, pos, data.length - pos), OpaqueBytes.empty()));
    } else if (exact && out.size() < maxEntries) {
      out.add(new Malformed(firstIndex + out.size(), MalformedKind.COUNT_MISMATCH, pos,
          "data tile ends at offset " + pos + " after " + out.size() + " entries, expected " + maxEntries,
          Optional.empty(), OpaqueBytes.empty(), OpaqueBytes.empty()));
    }
    return Collections.unmodifiableList(out);
  }

  /** SHA-256(0x00 ‖ MerkleTreeLeaf) where the MerkleTreeLeaf is version 0, leaf_type 0, timestamped_entry. */
  private static Sha256 leafHash(MessageDigest md, byte[] data, TimestampedEntry te) {
    md.update((byte) 0);
    md.update((byte) 0);
    md.update((byte) 0);
    md.update(data, te.start(), te.end() - te.start());
    return Sha256.wrap(md.digest());
  }

  private static Decoded entry(byte[] data, TileLeafFrame f, long index, Sha256 leafHash) {
    TimestampedEntry te = f.timestampedEntry();
    te.checkTimestamp();
    if (index < 0) {
      throw new TlsFormatException(MalformedKind.OUT_OF_RANGE, te.start(), "negative entry index " + index);
    }
    int extensionsAt = te.extensionsStart() - 2;
    OptionalLong leafIndex = OptionalLong.empty();
    List<String> flags = List.of();
    try {
      leafIndex = CtExtensions.leafIndex(data, te.extensionsStart(), te.extensionsLength());
      if (leafIndex.isEmpty()) {
        flags = List.of("no leaf_index extension in the extensions at offset " + extensionsAt);
      } else if (leafIndex.getAsLong() != index) {
        flags = List.of("leaf_index extension " + leafIndex.getAsLong() + " at offset " + extensionsAt
            + " does not match the entry's index " + index);
      }
    } catch (TlsFormatException e) {
      flags = List.of("extensions do not decode: " + e.getMessage());
    }
    if (f.chainLength() % Sha256.LENGTH != 0) {
      throw new TlsFormatException(MalformedKind.BAD_LENGTH, f.chainAt(), "certificate_chain at offset "
          + f.chainAt() + ": length " + f.chainLength() + " is not a multiple of 32");
    }
    List<Sha256> fingerprints = new ArrayList<>(f.chainLength() / Sha256.LENGTH);
    for (int p = f.chainStart(); p < f.chainStart() + f.chainLength(); p += Sha256.LENGTH) {
      fingerprints.add(Sha256.wrap(data, p));
    }
    OpaqueBytes extensions = OpaqueBytes.of(data, te.extensionsStart(), te.extensionsLength());
    if (te.isPrecert()) {
      return new Decoded(new PrecertEntry(index, te.timestamp(), Sha256.wrap(data, te.issuerKeyHashStart()),
          Der.of(data, te.certStart(), te.certLength()),
          Der.of(data, f.preCertificateStart(), f.preCertificateLength()), extensions, leafIndex, List.of(),
          fingerprints, leafHash), flags);
    }
    return new Decoded(new X509Entry(index, te.timestamp(), Der.of(data, te.certStart(), te.certLength()), extensions,
        leafIndex, List.of(), fingerprints, leafHash), flags);
  }

  private static Malformed malformed(long index, TlsFormatException e, Optional<Sha256> leafHash, byte[] data,
      int from, int to, int k) {
    return new Malformed(index, e.kind(), e.offset(), "entry " + k + " of data tile: " + e.getMessage(), leafHash,
        OpaqueBytes.of(data, from, to - from), OpaqueBytes.empty());
  }

  private static Malformed internal(long index, RuntimeException e, Optional<Sha256> leafHash, byte[] data,
      int from, int to) {
    return new Malformed(index, MalformedKind.INTERNAL, from, "internal error decoding entry " + index
        + " at offset " + from + " of data tile: " + e, leafHash, OpaqueBytes.of(data, from, to - from), OpaqueBytes.empty());
  }
}
