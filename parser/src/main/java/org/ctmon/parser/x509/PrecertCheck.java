package org.ctmon.parser.x509;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.ctmon.parser.Der;

/**
 * Whether a precertificate is the one its log signed. The log's tree covers the TBSCertificate of
 * the leaf, not the {@code pre_certificate} that comes beside it (RFC 6962 extra_data, a TileLeaf's
 * pre_certificate): a log, a proxy or a cache could serve another. As certspotter's {@code
 * ValidatePrecert}: without its poison, the precertificate's TBS must equal the logged one in every
 * field but the issuer and the authority key identifier (which a precertificate signing certificate
 * changes), and its poison must be critical. Stateless.
 */
public final class PrecertCheck {
  /** 2.5.29.35: authority key identifier. */
  private static final byte[] AUTHORITY_KEY_ID = {0x55, 0x1d, 0x23};

  private PrecertCheck() {}

  /**
   * What differs between {@code preCertificate} and the TBS the log signed ({@code loggedTbs}),
   * lower case; empty when it is the precertificate the log signed.
   */
  public static Optional<String> mismatch(Der preCertificate, Der loggedTbs) {
    try {
      byte[] pre = preCertificate.bytes();
      Tlv cert = Tlv.read(pre, 0, pre.length).expect(Tlv.SEQUENCE, "precertificate");
      Tlv preTbs = cert.children().next().expect(Tlv.SEQUENCE, "precertificate tbs");
      byte[] logged = loggedTbs.bytes();
      Tlv tbs = Tlv.read(logged, 0, logged.length).expect(Tlv.SEQUENCE, "logged tbs");
      Optional<String> poison = poison(preTbs);
      if (poison.isPresent()) {
        return poison;
      }
      // As written first (the common case, and no copy); then both as a Go log re-encodes them:
      // a log may have dropped a critical FALSE or made a serial minimal.
      Optional<String> asWritten = compare(children(preTbs), children(tbs));
      if (asWritten.isEmpty()) {
        return asWritten;
      }
      return compare(children(normal(preTbs)), children(normal(tbs)));
    } catch (RuntimeException e) {
      return Optional.of("it does not decode: " + e.getMessage());
    }
  }

  /** The fields of the two TBSs compared, but the issuer and the extensions {@link #withoutAki} leaves out. */
  private static Optional<String> compare(List<Tlv> a, List<Tlv> b) {
    if (a.size() != b.size()) {
      return Optional.of("its tbs has " + a.size() + " fields, the logged one " + b.size());
    }
    int issuer = !a.isEmpty() && a.get(0).tag() == 0xa0 ? 3 : 2;
    for (int i = 0; i < a.size(); i++) {
      Tlv x = a.get(i);
      Tlv y = b.get(i);
      if (x.tag() == 0xa3 && y.tag() == 0xa3) {
        Optional<String> ext = extensions(x, y);
        if (ext.isPresent()) {
          return ext;
        }
      } else if (i != issuer && !same(x, y)) {
        return Optional.of("tbs field " + i + " differs from the logged one");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> poison(Tlv preTbs) {
    DerReader r = preTbs.children();
    while (r.hasNext()) {
      Tlv t = r.next();
      if (t.tag() == 0xa3) {
        for (Tlv ext : children(t.children().next())) {
          if (ext.children().next().isOid(Oids.CT_POISON)) {
            return critical(ext) ? Optional.empty() : Optional.of("its poison extension is not critical");
          }
        }
      }
    }
    return Optional.of("it has no poison extension");
  }

  private static Tlv normal(Tlv tbs) {
    byte[] b = TbsHasher.strip(tbs);
    return Tlv.read(b, 0, b.length);
  }

  /** The extensions but the authority key id, the poison and an SCT list. */
  private static Optional<String> extensions(Tlv pre, Tlv logged) {
    List<Tlv> a = withoutAki(pre);
    List<Tlv> b = withoutAki(logged);
    if (a.size() != b.size()) {
      return Optional.of("it has " + a.size() + " extensions besides the poison and key id, the logged tbs " + b.size());
    }
    for (int i = 0; i < a.size(); i++) {
      if (!same(a.get(i), b.get(i))) {
        return Optional.of("its extension " + i + " differs from the logged one");
      }
    }
    return Optional.empty();
  }

  private static List<Tlv> withoutAki(Tlv ext3) {
    List<Tlv> out = new ArrayList<>();
    for (Tlv ext : children(ext3.children().next())) {
      Tlv oid = ext.children().next();
      if (!oid.isOid(AUTHORITY_KEY_ID) && !oid.isOid(Oids.CT_POISON) && !oid.isOid(Oids.SCT_LIST)) {
        out.add(ext);
      }
    }
    return out;
  }

  private static boolean critical(Tlv ext) {
    DerReader r = ext.children();
    r.next(); // the OID
    if (!r.hasNext()) {
      return false;
    }
    Tlv t = r.next();
    return t.tag() == Tlv.BOOLEAN && t.valueLength() == 1 && t.buf()[t.valueStart()] != 0;
  }

  private static List<Tlv> children(Tlv t) {
    List<Tlv> out = new ArrayList<>();
    DerReader r = t.children();
    while (r.hasNext()) {
      out.add(r.next());
    }
    return out;
  }

  private static boolean same(Tlv x, Tlv y) {
    return Arrays.equals(x.buf(), x.start(), x.end(), y.buf(), y.start(), y.end());
  }
}
