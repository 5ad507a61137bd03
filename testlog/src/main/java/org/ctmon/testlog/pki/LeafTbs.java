package org.ctmon.testlog.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.ctmon.parser.CtmonException;

/**
 * The TBSCertificate of one leaf, in the variants an issuance needs: precertificate (poison, issuer
 * = the signer), final (SCT list), and neither. Everything but issuer, signature algorithm,
 * authority key id and the CT extension is fixed at construction, so the variants differ only there.
 *
 * <p>Extension order follows Let's Encrypt's: key usage, EKU, basic constraints, SKI, AKI, AIA, SAN,
 * policies, then the CT extension last.
 */
final class LeafTbs {
  static final ASN1ObjectIdentifier POISON = new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.3");
  static final ASN1ObjectIdentifier SCT_LIST = new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.2");

  private final IssuanceRequest request;
  private final KeyMaterial leafKey;
  private final X500Name subject;
  private final List<Extension> beforeAki = new ArrayList<>();
  private final List<Extension> afterAki = new ArrayList<>();

  LeafTbs(IssuanceRequest request, CertificateAuthority ca, KeyMaterial leafKey) {
    this.request = request;
    this.leafKey = leafKey;
    this.subject = subject(request.names());
    int usage = leafKey.kind() == KeyKind.RSA_2048
        ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
        : KeyUsage.digitalSignature;
    beforeAki.add(new Extension(Extension.keyUsage, true, der(new KeyUsage(usage))));
    beforeAki.add(new Extension(Extension.extendedKeyUsage, false, der(
        new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))));
    beforeAki.add(new Extension(Extension.basicConstraints, true, der(new BasicConstraints(false))));
    beforeAki.add(new Extension(Extension.subjectKeyIdentifier, false, der(new SubjectKeyIdentifier(leafKey.keyIdentifier()))));
    String lower = ca.name().toLowerCase(Locale.ROOT);
    afterAki.add(new Extension(Extension.authorityInfoAccess, false, der(new AuthorityInformationAccess(new AccessDescription[] {
        new AccessDescription(AccessDescription.id_ad_ocsp, CertificateAuthority.uri("http://" + lower + ".o." + ca.host())),
        new AccessDescription(AccessDescription.id_ad_caIssuers, CertificateAuthority.uri("http://" + lower + ".i." + ca.host() + "/"))}))));
    if (!request.names().sans().isEmpty()) {
      afterAki.add(new Extension(Extension.subjectAlternativeName, subject.getRDNs().length == 0,
          sanValue(request.names().sans())));
    }
    afterAki.add(new Extension(Extension.certificatePolicies, false,
        der(new CertificatePolicies(new PolicyInformation(CertificateAuthority.DOMAIN_VALIDATED)))));
  }

  /** The TBS signed by a CA with {@code issuer}'s name, algorithm and key id, ending with {@code ct} if not null. */
  TBSCertificate tbs(CertificateAuthority issuer, Extension ct) {
    List<Extension> all = new ArrayList<>(beforeAki);
    all.add(new Extension(Extension.authorityKeyIdentifier, false, der(new AuthorityKeyIdentifier(issuer.key().keyIdentifier()))));
    all.addAll(afterAki);
    if (ct != null) {
      all.add(ct);
    }
    AlgorithmIdentifier alg = issuer.key().signatureAlgorithm();
    V3TBSCertificateGenerator g = new V3TBSCertificateGenerator();
    g.setSerialNumber(new ASN1Integer(request.serial()));
    g.setSignature(alg);
    g.setIssuer(issuer.x500Subject());
    g.setStartDate(new Time(Date.from(request.notBefore())));
    g.setEndDate(new Time(Date.from(request.notAfter())));
    g.setSubject(subject);
    g.setSubjectPublicKeyInfo(leafKey.spki());
    g.setExtensions(new Extensions(all.toArray(new Extension[0])));
    return g.generateTBSCertificate();
  }

  /** The critical CT poison extension: extnValue is the DER NULL {@code 05 00}. */
  static Extension poison() {
    return new Extension(POISON, true, der(DERNull.INSTANCE));
  }

  /** The SCT list extension: extnValue is an OCTET STRING wrapping the TLS SignedCertificateTimestampList. */
  static Extension sctList(List<Sct> scts) {
    return new Extension(SCT_LIST, false, der(new DEROctetString(Sct.list(scts))));
  }

  /**
   * The GeneralNames DER, written by hand so a dNSName carries exactly the given bytes (a broken CA's
   * space or NUL survives): [2] IMPLICIT IA5String and [7] IMPLICIT OCTET STRING.
   */
  private static DEROctetString sanValue(List<SanName> sans) {
    ASN1Encodable[] names = new ASN1Encodable[sans.size()];
    for (int i = 0; i < names.length; i++) {
      SanName n = sans.get(i);
      if (n instanceof SanName.Dns dns) {
        names[i] = new DERTaggedObject(false, 2, new DEROctetString(dns.name().getBytes(StandardCharsets.ISO_8859_1)));
      } else if (n instanceof SanName.Ip ip) {
        names[i] = new DERTaggedObject(false, 7, new DEROctetString(ip.address().getAddress()));
      } else {
        throw new AssertionError("unknown san kind " + n);
      }
    }
    return der(new DERSequence(names));
  }

  /** CN as Go's crypto/x509 writes it: PrintableString when it can, else UTF8String; no CN, empty subject. */
  private static X500Name subject(Names names) {
    if (names.commonName().isEmpty()) {
      return new X500Name(new RDN[0]);
    }
    String cn = names.commonName().get();
    ASN1Encodable value = DERPrintableString.isPrintableString(cn) ? new DERPrintableString(cn) : new DERUTF8String(cn);
    return new X500Name(new RDN[] {new RDN(BCStyle.CN, value)});
  }

  private static DEROctetString der(ASN1Encodable value) {
    try {
      return new DEROctetString(value.toASN1Primitive().getEncoded(ASN1Encoding.DER));
    } catch (IOException e) {
      throw new CtmonException("error encoding an extension value", e);
    }
  }
}
