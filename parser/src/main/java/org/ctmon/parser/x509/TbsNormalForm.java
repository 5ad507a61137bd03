package org.ctmon.parser.x509;

import java.util.ArrayList;
import java.util.List;

/**
 * A TBSCertificate without its CT extensions, re-encoded as a log written in Go logs it: what
 * certificate-transparency-go's {@code BuildPrecertTBS} produces by unmarshalling the TBS and
 * marshalling it again. A precertificate's logged TBS and its final certificate's then hash alike
 * even when the CA wrote something DER allows only one way of: an explicit {@code critical FALSE}
 * (dropped), a non-minimal INTEGER serial or version (made minimal; an explicit version 1 goes),
 * a UTCTime without seconds or a GeneralizedTime before 2050 (written {@code YYMMDDHHMMSSZ}), an
 * offset of {@code +0000} ({@code Z}), an empty extensions list (gone, as when every extension
 * was a CT one).
 *
 * <p>The issuer, subject, key, unique ids, parameters and extension values are kept byte for
 * byte, as Go keeps them (raw values); a TBS already in that form comes out unchanged, so its
 * hash never moved. The output is a list of pieces, most of them ranges of the input: nothing is
 * copied on the hot path but the few fields that change. Stateless.
 */
final class TbsNormalForm {
  private TbsNormalForm() {}

  /**
   * Writes the normal form of {@code tbs} to {@code sink} and returns true; returns false, having
   * written nothing, when the TBS is not one Go would unmarshal (an unknown field, a time that is
   * not a time, an indefinite length): then the caller falls back to cutting bytes.
   */
  static boolean write(Tlv tbs, TbsHasher.ByteSink sink) {
    Pieces body;
    try {
      body = body(tbs);
    } catch (MalformedDerException e) {
      return false;
    }
    if (body == null) {
      return false;
    }
    Pieces all = new Pieces();
    all.header(Tlv.SEQUENCE, body.length);
    all.add(body);
    all.writeTo(sink);
    return true;
  }

  private static Pieces body(Tlv tbs) {
    if (tbs.tag() != Tlv.SEQUENCE || tbs.indefinite()) {
      return null;
    }
    Pieces out = new Pieces();
    DerReader r = tbs.children();
    Tlv version = r.nextIf(0xa0);
    if (version != null) {
      Tlv v = Tlv.read(version.buf(), version.valueStart(), version.valueEnd());
      if (v.tag() != Tlv.INTEGER || v.end() != version.valueEnd() || v.valueLength() == 0 || version.indefinite()) {
        return null;
      }
      byte[] minimal = minimalInteger(v);
      if (!(minimal.length == 3 && minimal[2] == 0)) {
        out.header(0xa0, minimal.length);
        out.add(minimal, 0, minimal.length);
      }
    }
    Tlv serial = r.next(Tlv.INTEGER, "serial number");
    if (serial.valueLength() == 0) {
      return null;
    }
    byte[] s = minimalInteger(serial);
    out.add(s, 0, s.length);
    Tlv sigAlg = r.next(Tlv.SEQUENCE, "signature algorithm");
    if (!reheaded(sigAlg, out)) {
      return null;
    }
    out.raw(r.next(Tlv.SEQUENCE, "issuer"));
    Tlv validity = r.next(Tlv.SEQUENCE, "validity");
    if (!validity(validity, out)) {
      return null;
    }
    out.raw(r.next(Tlv.SEQUENCE, "subject"));
    Tlv spki = r.next(Tlv.SEQUENCE, "subject public key info");
    if (spki.indefinite()) {
      return null;
    }
    out.header(Tlv.SEQUENCE, spki.valueLength());
    out.add(spki.buf(), spki.valueStart(), spki.valueLength());
    Tlv ext3 = null;
    while (r.hasNext()) {
      Tlv t = r.next();
      if ((t.tag() == 0x81 || t.tag() == 0x82) && ext3 == null) {
        out.raw(t);
      } else if (t.tag() == 0xa3 && ext3 == null) {
        ext3 = t;
      } else {
        return null;
      }
    }
    return ext3 == null || extensions(ext3, out) ? out : null;
  }

  /** SEQUENCE { OID, parameters }: both headers minimal, the parameters as written. */
  private static boolean reheaded(Tlv alg, Pieces out) {
    if (alg.indefinite()) {
      return false;
    }
    Pieces inner = new Pieces();
    DerReader r = alg.children();
    Tlv oid = r.next(Tlv.OID, "algorithm oid");
    inner.header(Tlv.OID, oid.valueLength());
    inner.add(oid.buf(), oid.valueStart(), oid.valueLength());
    while (r.hasNext()) {
      inner.raw(r.next());
    }
    out.header(Tlv.SEQUENCE, inner.length);
    out.add(inner);
    return true;
  }

  private static boolean validity(Tlv validity, Pieces out) {
    if (validity.indefinite()) {
      return false;
    }
    DerReader r = validity.children();
    Tlv first = r.hasNext() ? r.next() : null;
    Tlv second = r.hasNext() ? r.next() : null;
    if (second != null && !r.hasNext() && GoTime.isNormal(first) && GoTime.isNormal(second)
        && validity.valueStart() - validity.start() == 2) {
      out.raw(validity); // the common case, written as Go writes it: nothing to allocate
      return true;
    }
    r = validity.children();
    byte[] notBefore = r.hasNext() ? GoTime.normal(r.next()) : null;
    byte[] notAfter = r.hasNext() ? GoTime.normal(r.next()) : null;
    if (notBefore == null || notAfter == null || r.hasNext()) {
      return false;
    }
    out.header(Tlv.SEQUENCE, notBefore.length + notAfter.length);
    out.add(notBefore, 0, notBefore.length);
    out.add(notAfter, 0, notAfter.length);
    return true;
  }

  /** {@code [3] { SEQUENCE OF Extension }} without the CT ones; nothing if none is left. */
  private static boolean extensions(Tlv ext3, Pieces out) {
    if (ext3.indefinite()) {
      return false;
    }
    Tlv seq = Tlv.read(ext3.buf(), ext3.valueStart(), ext3.valueEnd());
    if (seq.tag() != Tlv.SEQUENCE || seq.indefinite() || seq.end() != ext3.valueEnd()) {
      return false;
    }
    Pieces list = new Pieces();
    DerReader r = seq.children();
    while (r.hasNext()) {
      Tlv ext = r.next();
      if (ext.tag() != Tlv.SEQUENCE || ext.indefinite()) {
        return false;
      }
      if (!TbsHasher.isCtExtension(ext) && !extension(ext, list)) {
        return false;
      }
    }
    if (list.length == 0) {
      return true;
    }
    out.header(0xa3, TbsHasher.headerLength(list.length) + list.length);
    out.header(Tlv.SEQUENCE, list.length);
    out.add(list);
    return true;
  }

  private static final byte[] CRITICAL = {Tlv.BOOLEAN, 1, (byte) 0xff};

  /** Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }. */
  private static boolean extension(Tlv ext, Pieces out) {
    DerReader r = ext.children();
    Tlv oid = r.next(Tlv.OID, "extension id");
    Tlv critical = r.nextIf(Tlv.BOOLEAN);
    Tlv value = r.next(Tlv.OCTET_STRING, "extension value");
    if (r.hasNext() || critical != null && critical.valueLength() != 1) {
      return false;
    }
    boolean isCritical = critical != null && critical.buf()[critical.valueStart()] != 0;
    int content = TbsHasher.headerLength(oid.valueLength()) + oid.valueLength()
        + (isCritical ? CRITICAL.length : 0)
        + TbsHasher.headerLength(value.valueLength()) + value.valueLength();
    out.header(Tlv.SEQUENCE, content);
    out.header(Tlv.OID, oid.valueLength());
    out.add(oid.buf(), oid.valueStart(), oid.valueLength());
    if (isCritical) {
      out.add(CRITICAL, 0, CRITICAL.length);
    }
    out.header(Tlv.OCTET_STRING, value.valueLength());
    out.add(value.buf(), value.valueStart(), value.valueLength());
    return true;
  }

  /** The INTEGER TLV {@code t} (non-empty) without redundant leading 00 or ff bytes. */
  static byte[] minimalInteger(Tlv t) {
    byte[] b = t.buf();
    int p = t.valueStart();
    int end = t.valueEnd();
    while (end - p > 1 && (b[p] == 0 && b[p + 1] >= 0 || b[p] == -1 && b[p + 1] < 0)) {
      p++;
    }
    byte[] out = new byte[TbsHasher.headerLength(end - p) + end - p];
    int h = TbsHasher.writeHeader(out, Tlv.INTEGER, end - p);
    System.arraycopy(b, p, out, h, end - p);
    return out;
  }

  /** Ranges of byte arrays, written in order; {@code length} is their total. */
  private static final class Pieces {
    private final List<byte[]> arrays = new ArrayList<>(16);
    private final List<int[]> ranges = new ArrayList<>(16);
    int length;

    void add(byte[] b, int off, int len) {
      arrays.add(b);
      ranges.add(new int[] {off, len});
      length += len;
    }

    void raw(Tlv t) {
      add(t.buf(), t.start(), t.length());
    }

    void header(int tag, int contentLength) {
      byte[] h = new byte[TbsHasher.headerLength(contentLength)];
      TbsHasher.writeHeader(h, tag, contentLength);
      add(h, 0, h.length);
    }

    void add(Pieces other) {
      arrays.addAll(other.arrays);
      ranges.addAll(other.ranges);
      length += other.length;
    }

    /** One write of the pieces copied together: a digest's update costs more per call than per byte. */
    void writeTo(TbsHasher.ByteSink sink) {
      byte[] all = new byte[length];
      int p = 0;
      for (int i = 0; i < arrays.size(); i++) {
        int[] r = ranges.get(i);
        System.arraycopy(arrays.get(i), r[0], all, p, r[1]);
        p += r[1];
      }
      sink.write(all, 0, length);
    }
  }
}
