package org.ctmon.testlog.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.ctmon.parser.CtmonException;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;

/**
 * One CA certificate of a {@link TestPki} with its key: a root, an intermediate that issues leaf
 * certificates, or an RFC 6962 §3.1 precertificate-signing certificate (CA:true, EKU
 * 1.3.6.1.4.1.11129.2.4.4, certified directly by the intermediate whose precertificates it signs).
 *
 * <p>Immutable and thread-safe. The certificate carries what real CA certificates carry: basic
 * constraints and key usage (critical), subject and authority key identifiers, and for
 * intermediates AIA, CRL distribution point and the CA/B Forum domain-validated policy.
 */
public final class CertificateAuthority {
  static final ASN1ObjectIdentifier PRECERT_SIGNING_EKU = new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.4");
  static final ASN1ObjectIdentifier DOMAIN_VALIDATED = new ASN1ObjectIdentifier("2.23.140.1.2.1");

  private final String name;
  private final X500Name subject;
  private final KeyMaterial key;
  private final CertificateAuthority parent;
  private final boolean precertSigning;
  private final String host;
  private final Der certificate;

  private CertificateAuthority(
      String name, X500Name subject, KeyMaterial key, CertificateAuthority parent, boolean precertSigning,
      String host, Der certificate) {
    this.name = name;
    this.subject = subject;
    this.key = key;
    this.parent = parent;
    this.precertSigning = precertSigning;
    this.host = host;
    this.certificate = certificate;
  }

  /** A self-signed root valid 2021-2045. */
  static CertificateAuthority root(long seed, String name, String dn, KeyKind kind, String host) {
    KeyMaterial key = KeyMaterial.generate(kind, seed, "ca key " + name);
    X500Name subject = new X500Name(dn);
    ExtensionsGenerator ext = new ExtensionsGenerator();
    try {
      ext.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      ext.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      ext.addExtension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(key.keyIdentifier()));
    } catch (IOException e) {
      throw new CtmonException("error encoding the extensions of root " + name, e);
    }
    Der cert = key.signCertificate(tbs(seed, name, subject, subject, key, key, ext,
        Instant.parse("2021-01-20T00:00:00Z"), Instant.parse("2045-01-19T23:59:59Z")));
    return new CertificateAuthority(name, subject, key, null, false, host, cert);
  }

  /**
   * A CA certified by this one: an intermediate (pathlen 0, serverAuth+clientAuth) or, with {@code
   * precertSigning}, a precertificate-signing certificate (pathlen 0, only the CT EKU).
   */
  CertificateAuthority certify(long seed, String childName, String dn, KeyKind kind, boolean precertSigning) {
    KeyMaterial childKey = KeyMaterial.generate(kind, seed, "ca key " + childName);
    X500Name childSubject = new X500Name(dn);
    ExtensionsGenerator ext = new ExtensionsGenerator();
    try {
      if (precertSigning) {
        ext.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign));
        ext.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.getInstance(PRECERT_SIGNING_EKU)));
      } else {
        ext.addExtension(Extension.keyUsage, true,
            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign | KeyUsage.cRLSign));
        ext.addExtension(Extension.extendedKeyUsage, false,
            new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
      }
      ext.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      ext.addExtension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(childKey.keyIdentifier()));
      ext.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(key.keyIdentifier()));
      ext.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
          new AccessDescription(AccessDescription.id_ad_caIssuers, uri("http://certs." + host + "/" + name + ".der"))));
      ext.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
          new DistributionPoint(new DistributionPointName(new GeneralNames(uri("http://crl." + host + "/" + name + ".crl"))),
              null, null)}));
      ext.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(new PolicyInformation(DOMAIN_VALIDATED)));
    } catch (IOException e) {
      throw new CtmonException("error encoding the extensions of ca " + childName, e);
    }
    Der cert = key.signCertificate(tbs(seed, childName, subject, childSubject, key, childKey, ext,
        Instant.parse("2024-03-13T00:00:00Z"), Instant.parse("2031-03-12T23:59:59Z")));
    return new CertificateAuthority(childName, childSubject, childKey, this, precertSigning, host, cert);
  }

  private static TBSCertificate tbs(
      long seed, String name, X500Name issuer, X500Name subject, KeyMaterial issuerKey, KeyMaterial subjectKey,
      ExtensionsGenerator ext, Instant notBefore, Instant notAfter) {
    byte[] serial = new byte[16];
    new SeededRandom(seed, "ca serial " + name).nextBytes(serial);
    serial[0] &= 0x7f;
    serial[0] |= 0x01;
    V3TBSCertificateGenerator g = new V3TBSCertificateGenerator();
    g.setSerialNumber(new ASN1Integer(new BigInteger(serial)));
    g.setSignature(issuerKey.signatureAlgorithm());
    g.setIssuer(issuer);
    g.setStartDate(new Time(Date.from(notBefore)));
    g.setEndDate(new Time(Date.from(notAfter)));
    g.setSubject(subject);
    g.setSubjectPublicKeyInfo(subjectKey.spki());
    g.setExtensions(ext.generate());
    return g.generateTBSCertificate();
  }

  static GeneralName uri(String uri) {
    return new GeneralName(GeneralName.uniformResourceIdentifier, uri);
  }

  /** The short name this PKI knows it by ("R10", "E5"...), used in {@link IssuanceRequest#issuer()}. */
  public String name() {
    return name;
  }

  /** The subject DN as BouncyCastle prints it ("C=US,O=Test Trust Services,CN=Test R10"). */
  public String subject() {
    return subject.toString();
  }

  /** The DER certificate. */
  public Der certificate() {
    return certificate;
  }

  /** The DER SubjectPublicKeyInfo of the CA's key. */
  public Der spki() {
    return key.spkiDer();
  }

  /** SHA-256 of {@link #spki()}: the RFC 6962 issuer_key_hash of precertificates this CA issues. */
  public Sha256 issuerKeyHash() {
    return key.spkiDer().sha256();
  }

  /** The type of the CA's key. */
  public KeyKind keyKind() {
    return key.kind();
  }

  /** The CA that certified this one; empty for a root. */
  public Optional<CertificateAuthority> parent() {
    return Optional.ofNullable(parent);
  }

  /** True for a self-signed root. */
  public boolean isRoot() {
    return parent == null;
  }

  /** True for a precertificate-signing certificate (CT EKU), which signs precertificates only. */
  public boolean isPrecertSigning() {
    return precertSigning;
  }

  /** This certificate and its parents up to and including the root, in that order. */
  public List<Der> chain() {
    List<Der> out = new ArrayList<>();
    for (CertificateAuthority ca = this; ca != null; ca = ca.parent) {
      out.add(ca.certificate);
    }
    return List.copyOf(out);
  }

  KeyMaterial key() {
    return key;
  }

  X500Name x500Subject() {
    return subject;
  }

  String host() {
    return host;
  }

  @Override
  public String toString() {
    return "CertificateAuthority[" + name + ", " + subject + "]";
  }
}
