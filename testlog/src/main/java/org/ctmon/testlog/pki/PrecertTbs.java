package org.ctmon.testlog.pki;

import java.io.IOException;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.util.Properties;
import org.ctmon.parser.CtmonException;
import org.ctmon.parser.Der;

/**
 * What a log does with a submitted precertificate (RFC 6962 §3.1, §3.2): the TBSCertificate it logs
 * in a precert_entry. The poison extension is removed; when a precertificate-signing certificate
 * signed the precertificate, the issuer becomes that certificate's issuer and the authority key
 * identifier takes that certificate's AKI value (dropped if it has none, appended if the
 * precertificate had none), as certificate-transparency-go and azul do, so that the result equals the
 * final certificate's TBS without its SCT list.
 *
 * <p>As certificate-transparency-go's {@code BuildPrecertTBS} unmarshals and marshals the TBS
 * again, what the CA may write in more than one way comes out in DER: the serial a minimal INTEGER,
 * the validity times UTCTime with seconds (GeneralizedTime from 2050), no explicit {@code critical
 * FALSE}. Every other element is kept as the CA wrote it. Stateless.
 */
public final class PrecertTbs {
  private PrecertTbs() {}

  /**
   * The precert_entry TBSCertificate of {@code precertificate}; {@code precertSigningCertificate} is
   * the chain's first certificate when it carries the CT EKU ({@link #isPrecertSigningCertificate}).
   *
   * @throws CtmonException if the precertificate has no poison extension or is not a certificate
   */
  public static Der fromPrecertificate(Der precertificate, Optional<Der> precertSigningCertificate) {
    ASN1Sequence tbs;
    // A CA's non-minimal serial is read (BouncyCastle refuses it unless told), then written minimal.
    Properties.setThreadOverride("org.bouncycastle.asn1.allow_unsafe_integer", true);
    try {
      tbs = tbsOf(precertificate);
    } finally {
      Properties.removeThreadOverride("org.bouncycastle.asn1.allow_unsafe_integer");
    }
    Extension signerAki = null;
    ASN1Encodable signerIssuer = null;
    if (precertSigningCertificate.isPresent()) {
      ASN1Sequence signerTbs = tbsOf(precertSigningCertificate.get());
      signerIssuer = signerTbs.getObjectAt(versionOffset(signerTbs) + 2);
      Extensions e = extensionsOf(signerTbs);
      signerAki = e == null ? null : e.getExtension(Extension.authorityKeyIdentifier);
    }
    ASN1EncodableVector out = new ASN1EncodableVector();
    int issuerIndex = versionOffset(tbs) + 2;
    boolean sawPoison = false;
    for (int i = 0; i < tbs.size(); i++) {
      ASN1Encodable el = tbs.getObjectAt(i);
      if (i == issuerIndex && signerIssuer != null) {
        out.add(signerIssuer);
      } else if (i == issuerIndex - 2) {
        out.add(new ASN1Integer(ASN1Integer.getInstance(el).getValue()));
      } else if (i == issuerIndex + 1) {
        ASN1Sequence validity = ASN1Sequence.getInstance(el);
        out.add(new DERSequence(new ASN1Encodable[] {
            new Time(Time.getInstance(validity.getObjectAt(0)).getDate()),
            new Time(Time.getInstance(validity.getObjectAt(1)).getDate())}));
      } else if (el instanceof ASN1TaggedObject t && t.getTagNo() == 3 && i == tbs.size() - 1) {
        ASN1EncodableVector exts = new ASN1EncodableVector();
        boolean sawAki = false;
        for (ASN1Encodable e : ASN1Sequence.getInstance(t, true)) {
          Extension ext = Extension.getInstance(e);
          ASN1ObjectIdentifier oid = ext.getExtnId();
          if (oid.equals(LeafTbs.POISON)) {
            sawPoison = true;
          } else if (oid.equals(Extension.authorityKeyIdentifier) && precertSigningCertificate.isPresent()) {
            // As certificate-transparency-go: the value changes, the criticality stays.
            sawAki = true;
            if (signerAki != null) {
              exts.add(new Extension(oid, ext.isCritical(), signerAki.getExtnValue()));
            }
          } else {
            exts.add(ext); // as Extension: a critical FALSE is not written
          }
        }
        if (!sawAki && signerAki != null) {
          // The precertificate had no AKI but its signer does: certificate-transparency-go appends it.
          exts.add(new Extension(Extension.authorityKeyIdentifier, false, signerAki.getExtnValue()));
        }
        out.add(new DERTaggedObject(true, 3, new DERSequence(exts)));
      } else {
        out.add(el);
      }
    }
    if (!sawPoison) {
      throw new CtmonException("error reconstructing a precert tbs: no poison extension in " + precertificate);
    }
    try {
      return Der.of(new DERSequence(out).getEncoded(ASN1Encoding.DER));
    } catch (IOException e) {
      throw new CtmonException("error encoding the precert tbs of " + precertificate, e);
    }
  }

  /** True when {@code certificate} has the Certificate Transparency EKU 1.3.6.1.4.1.11129.2.4.4. */
  public static boolean isPrecertSigningCertificate(Der certificate) {
    Extensions e = extensionsOf(tbsOf(certificate));
    ExtendedKeyUsage eku = e == null ? null : ExtendedKeyUsage.fromExtensions(e);
    return eku != null && eku.hasKeyPurposeId(KeyPurposeId.getInstance(CertificateAuthority.PRECERT_SIGNING_EKU));
  }

  /** The DER SubjectPublicKeyInfo of {@code certificate}. */
  static Der spki(Der certificate) {
    ASN1Sequence tbs = tbsOf(certificate);
    try {
      return Der.of(tbs.getObjectAt(versionOffset(tbs) + 5).toASN1Primitive().getEncoded(ASN1Encoding.DER));
    } catch (IOException e) {
      throw new CtmonException("error encoding the public key of " + certificate, e);
    }
  }

  private static ASN1Sequence tbsOf(Der certificate) {
    try {
      return ASN1Sequence.getInstance(ASN1Sequence.getInstance(certificate.unsafeBytes()).getObjectAt(0));
    } catch (RuntimeException e) {
      throw new CtmonException("error decoding certificate " + certificate, e);
    }
  }

  private static int versionOffset(ASN1Sequence tbs) {
    return tbs.getObjectAt(0) instanceof ASN1TaggedObject t && t.getTagNo() == 0 ? 1 : 0;
  }

  private static Extensions extensionsOf(ASN1Sequence tbs) {
    ASN1Encodable last = tbs.getObjectAt(tbs.size() - 1);
    if (last instanceof ASN1TaggedObject t && t.getTagNo() == 3) {
      return Extensions.getInstance(t, true);
    }
    return null;
  }
}
