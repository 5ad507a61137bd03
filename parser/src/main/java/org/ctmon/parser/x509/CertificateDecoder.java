package org.ctmon.parser.x509;

import java.util.Arrays;
import org.ctmon.parser.Der;

/**
 * Turns certificates and precertificates, as CT logs serve them, into {@link CertificateFacts}.
 *
 * <pre>
 *  Der ──frame Certificate/TBSCertificate (own DER walker, offsets only)
 *       ├─ TbsHasher: tbs_sha256 over the original bytes minus the CT extensions
 *       ├─ TbsDecoder: serial, algorithms, validity, DNs, key, extensions (field by field)
 *       └─ on failure: LenientNameScan recovers SAN and CN names from the raw bytes
 *  ──> FactsResult.Parsed | FactsResult.Malformed(reason, partial)
 * </pre>
 *
 * <p>Stateless and thread-safe. Never throws for bad input and never loops on it: every walk
 * moves forward through a bounded buffer. The walk is ours rather than BouncyCastle's object
 * model because this is the hot path of the monitor (every entry of every log) and because a
 * field-by-field walk keeps the names of a certificate whose other fields are broken. (BouncyCastle's
 * {@code Certificate.getInstance} plus one {@code X500Name.toString} alone cost more than this whole
 * decode: docs/benchmarks.md.)
 */
public final class CertificateDecoder {
  private CertificateDecoder() {}

  /** Decodes a final certificate (the leaf of an RFC 6962 {@code x509_entry}). */
  public static FactsResult fromCertificate(Der certificate) {
    return fromSigned(certificate, false);
  }

  /**
   * Decodes a full precertificate (with the poison extension), as a static-ct-api TileLeaf or an
   * RFC 6962 {@code PrecertChainEntry} carries it. {@code certSha256} is null.
   */
  public static FactsResult fromPrecertificate(Der precertificate) {
    return fromSigned(precertificate, true);
  }

  /**
   * Decodes a bare TBSCertificate: the {@code tbs_certificate} of an RFC 6962 precert entry
   * ({@code precert} true; already poison-free, hashed the same way) or of a certificate.
   * {@code certSha256} is null.
   */
  public static FactsResult fromTbs(Der tbs, boolean precert) {
    byte[] b = tbs.unsafeBytes();
    FactsBuilder out = new FactsBuilder();
    out.precertificate = precert;
    try {
      Tlv t = Tlv.read(b, 0, b.length);
      if (t.end() != b.length) {
        out.problem("trailing bytes after tbs certificate at offset " + t.end());
      }
      TbsDecoder.decode(t, out);
    } catch (RuntimeException e) {
      fatal(out, e);
    }
    return finish(b, out);
  }

  private static FactsResult fromSigned(Der der, boolean precert) {
    byte[] b = der.unsafeBytes();
    FactsBuilder out = new FactsBuilder();
    out.precertificate = precert;
    if (!precert) {
      out.certSha256 = der.sha256();
    }
    try {
      Tlv cert = Tlv.read(b, 0, b.length).expect(Tlv.SEQUENCE, "certificate");
      if (cert.end() != b.length) {
        out.problem("trailing bytes after certificate at offset " + cert.end());
      }
      DerReader r = cert.children();
      Tlv tbs = r.next(Tlv.SEQUENCE, "tbs certificate");
      Tlv tbsSigAlg = TbsDecoder.decode(tbs, out);
      Tlv sigAlg = r.next(Tlv.SEQUENCE, "certificate signature algorithm");
      r.next(Tlv.BIT_STRING, "signature");
      if (r.hasNext()) {
        out.problem("unexpected field after the signature");
      }
      if (tbsSigAlg != null && !Arrays.equals(b, sigAlg.start(), sigAlg.end(), b, tbsSigAlg.start(), tbsSigAlg.end())) {
        out.problem("signature algorithm differs between certificate and tbs certificate");
      }
      if (precert && !out.precertificate) {
        out.problem("precertificate without the poison extension");
      }
      out.precertificate |= precert;
    } catch (RuntimeException e) {
      fatal(out, e);
    }
    if (!precert && out.precertificate) {
      out.problem("poison extension in a final certificate");
    }
    return finish(b, out);
  }

  private static void fatal(FactsBuilder out, RuntimeException e) {
    if (out.fatal == null) {
      out.fatal = e instanceof MalformedDerException ? e.getMessage()
          : "unexpected " + e.getClass().getSimpleName() + " while decoding: " + e.getMessage();
    }
  }

  private static FactsResult finish(byte[] b, FactsBuilder out) {
    if (out.fatal == null && !out.build().complete()) {
      out.fatal = "incomplete certificate";
    }
    if (out.fatal != null) {
      try {
        LenientNameScan.scan(b, out);
      } catch (RuntimeException e) {
        out.problem("lenient scan failed: " + e.getMessage());
      }
    }
    return out.result();
  }
}
