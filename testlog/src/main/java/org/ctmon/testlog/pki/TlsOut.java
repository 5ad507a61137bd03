package org.ctmon.testlog.pki;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.ctmon.parser.Der;

/** Big-endian TLS presentation-language writer (RFC 5246 §4) for the few structs of RFC 6962. */
final class TlsOut {
  private final ByteArrayOutputStream out;

  TlsOut(int sizeHint) {
    out = new ByteArrayOutputStream(sizeHint);
  }

  TlsOut u8(int v) {
    check(v, 0xff);
    out.write(v);
    return this;
  }

  TlsOut u16(int v) {
    check(v, 0xffff);
    out.write(v >>> 8);
    out.write(v);
    return this;
  }

  TlsOut u24(int v) {
    check(v, 0xffffff);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
    return this;
  }

  TlsOut u64(long v) {
    for (int shift = 56; shift >= 0; shift -= 8) {
      out.write((int) (v >>> shift));
    }
    return this;
  }

  TlsOut bytes(byte[] b) {
    out.write(b, 0, b.length);
    return this;
  }

  /** An opaque vector with a 2-byte length. */
  TlsOut vector16(byte[] b) {
    return u16(b.length).bytes(b);
  }

  /** An opaque vector with a 3-byte length. */
  TlsOut vector24(byte[] b) {
    return u24(b.length).bytes(b);
  }

  /** The {@code Fingerprint certificate_chain<0..2^16-1>} of a TileLeaf. */
  static byte[] fingerprints(List<Der> chain) {
    TlsOut inner = new TlsOut(32 * chain.size());
    for (Der c : chain) {
      inner.bytes(c.sha256().bytes());
    }
    return new TlsOut(2 + 32 * chain.size()).vector16(inner.toByteArray()).toByteArray();
  }

  /** A {@code ASN.1Cert<1..2^24-1>} vector of vectors, as both extra_data variants use for chains. */
  static byte[] chainVector(List<Der> chain) {
    TlsOut inner = new TlsOut(4096);
    for (Der c : chain) {
      inner.vector24(c.unsafeBytes());
    }
    return new TlsOut(4096).vector24(inner.toByteArray()).toByteArray();
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  private static void check(int v, int max) {
    if (v < 0 || v > max) {
      throw new IllegalArgumentException("value " + v + " does not fit a tls field of max " + max);
    }
  }
}
