package org.ctmon.parser.x509;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import org.ctmon.parser.Sha256;

/**
 * Computes {@code tbs_sha256}: the SHA-256 of a TBSCertificate with the CT poison and embedded
 * SCT list extensions removed, so that a precertificate and its final certificate hash alike.
 *
 * <p>The TBS is hashed in {@link TbsNormalForm}: as a log written in Go re-encodes a precertificate's
 * TBS (certificate-transparency-go's {@code BuildPrecertTBS}), so that a final certificate whose CA
 * wrote {@code critical FALSE}, a non-minimal serial or a time without seconds lands on the hash of
 * its logged precertificate; a TBS already in DER hashes exactly as its bytes minus the two
 * extensions. One that Go would not read falls back to byte surgery: the two Extension TLVs are cut
 * out, the lengths of the extensions SEQUENCE, the {@code [3]} wrapper and the TBS SEQUENCE are
 * re-encoded (minimal DER), and if no extension remains the {@code [3]} wrapper goes too. Nothing is
 * copied on the hot path but the fields that change: the pieces are fed to the digest in order.
 */
final class TbsHasher {
  private TbsHasher() {}

  /** Where the bytes of the stripped TBSCertificate go, piece by piece. */
  interface ByteSink {
    void write(byte[] b, int off, int len);
  }

  /** The hash of {@code tbs} (a TBSCertificate TLV) without the CT extensions. */
  static Sha256 hash(Tlv tbs) {
    return hash(tbs, false);
  }

  /**
   * As {@link #hash(Tlv)}; {@code der} says the decoder found the TBS in DER, whose normal form is
   * its bytes without the CT extensions: they are hashed without building it (a quarter of the
   * decoding time otherwise).
   */
  static Sha256 hash(Tlv tbs, boolean der) {
    MessageDigest md = Sha256.newDigest();
    if (der) {
      cut(tbs, md::update);
    } else {
      write(tbs, md::update);
    }
    return Sha256.wrap(md.digest());
  }

  /** The bytes of {@code tbs} without the CT extensions (what a log signs for a precertificate). */
  static byte[] strip(Tlv tbs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(tbs.length());
    write(tbs, out::write);
    return out.toByteArray();
  }

  private static void write(Tlv tbs, ByteSink sink) {
    if (!TbsNormalForm.write(tbs, sink)) {
      cut(tbs, sink);
    }
  }

  /** The fallback for a TBS Go would not read: the CT extensions cut out, every other byte kept. */
  static void cut(Tlv tbs, ByteSink sink) {
    byte[] b = tbs.buf();
    Tlv ext3 = null;
    DerReader r = tbs.children();
    while (r.hasNext()) {
      Tlv t = r.next();
      if (t.tag() == 0xa3) {
        ext3 = t;
      }
    }
    if (ext3 == null || tbs.indefinite() || ext3.indefinite()) {
      sink.write(b, tbs.start(), tbs.length());
      return;
    }
    Tlv seq = Tlv.read(b, ext3.valueStart(), ext3.valueEnd());
    if (seq.tag() != Tlv.SEQUENCE || seq.indefinite() || seq.end() != ext3.valueEnd()) {
      sink.write(b, tbs.start(), tbs.length());
      return;
    }
    // Pass 1: how many bytes of extensions go.
    int removed = 0;
    DerReader exts = seq.children();
    while (exts.hasNext()) {
      Tlv ext = exts.next();
      if (isCtExtension(ext)) {
        removed += ext.length();
      }
    }
    if (removed == 0) {
      sink.write(b, tbs.start(), tbs.length());
      return;
    }
    int seqContent = seq.valueLength() - removed;
    int newExt3Length;
    if (seqContent == 0) {
      newExt3Length = 0;
    } else {
      int seqLength = headerLength(seqContent) + seqContent;
      newExt3Length = headerLength(seqLength) + seqLength;
    }
    int tbsContent = tbs.valueLength() - ext3.length() + newExt3Length;
    // Pass 2: write the pieces.
    byte[] header = new byte[6];
    sink.write(header, 0, writeHeader(header, Tlv.SEQUENCE, tbsContent));
    sink.write(b, tbs.valueStart(), ext3.start() - tbs.valueStart());
    if (seqContent > 0) {
      sink.write(header, 0, writeHeader(header, 0xa3, headerLength(seqContent) + seqContent));
      sink.write(header, 0, writeHeader(header, Tlv.SEQUENCE, seqContent));
      exts = seq.children();
      while (exts.hasNext()) {
        Tlv ext = exts.next();
        if (!isCtExtension(ext)) {
          sink.write(b, ext.start(), ext.length());
        }
      }
    }
    sink.write(b, ext3.end(), tbs.valueEnd() - ext3.end());
  }

  static boolean isCtExtension(Tlv ext) {
    if (ext.tag() != Tlv.SEQUENCE) {
      return false;
    }
    DerReader r = ext.children();
    if (!r.hasNext()) {
      return false;
    }
    Tlv oid = r.next();
    return oid.isOid(Oids.CT_POISON) || oid.isOid(Oids.SCT_LIST);
  }

  /** Bytes of a DER tag and length header for {@code contentLength} bytes of content. */
  static int headerLength(int contentLength) {
    if (contentLength < 0x80) {
      return 2;
    }
    if (contentLength < 0x100) {
      return 3;
    }
    if (contentLength < 0x10000) {
      return 4;
    }
    if (contentLength < 0x1000000) {
      return 5;
    }
    return 6;
  }

  static int writeHeader(byte[] h, int tag, int len) {
    h[0] = (byte) tag;
    int n = headerLength(len);
    if (n == 2) {
      h[1] = (byte) len;
    } else {
      h[1] = (byte) (0x80 | (n - 2));
      for (int i = 0; i < n - 2; i++) {
        h[n - 1 - i] = (byte) (len >>> (8 * i));
      }
    }
    return n;
  }
}
