package org.ctmon.testlog.pki;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.ctmon.parser.CtmonException;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;

/**
 * A deterministic Web PKI for tests and benchmarks, and the issuance of precertificates and final
 * certificates from it (see {@link #issue}).
 *
 * <p>The layout, with short names for {@link IssuanceRequest#issuer()}:
 * <pre>
 *   R1  C=US, O=Test Trust Services, CN=Test Root R1            RSA 2048
 *   ├── R10 C=US, O=Test Trust Services, CN=Test R10            RSA 2048
 *   └── R11 C=US, O=Test Trust Services, CN=Test R11            RSA 2048
 *   E1  C=US, O=Test Trust Services, CN=Test Root E1            P-384
 *   ├── E5  C=US, O=Test Trust Services, CN=Test E5             P-384
 *   └── E6  C=US, O=Test Trust Services, CN=Test E6             P-256
 *       └── E6-PS  ... CN=Test E6 Precertificate Signing        P-256 (CT EKU)
 *   G2  C=GB, O=Example Assurance Ltd, CN=Example Assurance ECC Root G2      P-256
 *   └── DV2 C=GB, O=Example Assurance Ltd, CN=Example Assurance ECC DV CA G2 P-256
 *       └── DV2-PS ... CN=Example Assurance Precertificate Signing CA G2     P-256 (CT EKU)
 * </pre>
 * A precertificate-signing certificate has the key type of the CA it serves, so its signature
 * algorithm, which sits in the TBS, matches the final certificate's.
 *
 * <p>Keys come from {@link SeededRandom} streams labelled by name: the same seed gives the same keys
 * and certificates, byte for byte, on every machine (with the same BouncyCastle version, whose RSA
 * and EC key generation consume the stream). The CA keys (three RSA) are made in {@link #create}
 * (a few seconds); leaf keys come from a fixed pool of {@value #LEAF_POOL} keys made on first use,
 * reused across certificates as real subscribers do. Thread-safe.
 */
public final class TestPki {
  static final int LEAF_POOL = 8;
  private static final KeyKind[] LEAF_KINDS = {
    KeyKind.EC_P256, KeyKind.RSA_2048, KeyKind.EC_P256, KeyKind.EC_P384,
    KeyKind.EC_P256, KeyKind.RSA_2048, KeyKind.EC_P256, KeyKind.EC_P256
  };

  private final long seed;
  private final Map<String, CertificateAuthority> cas = new LinkedHashMap<>();
  private final Map<String, CertificateAuthority> precertSigners = new LinkedHashMap<>();
  private final KeyMaterial[] leafKeys = new KeyMaterial[LEAF_POOL];

  private TestPki(long seed) {
    this.seed = seed;
    String tts = "testtrust.example";
    String ea = "example-assurance.example";
    CertificateAuthority r1 = add(CertificateAuthority.root(seed, "R1",
        "C=US,O=Test Trust Services,CN=Test Root R1", KeyKind.RSA_2048, tts));
    add(r1.certify(seed, "R10", "C=US,O=Test Trust Services,CN=Test R10", KeyKind.RSA_2048, false));
    add(r1.certify(seed, "R11", "C=US,O=Test Trust Services,CN=Test R11", KeyKind.RSA_2048, false));
    CertificateAuthority e1 = add(CertificateAuthority.root(seed, "E1",
        "C=US,O=Test Trust Services,CN=Test Root E1", KeyKind.EC_P384, tts));
    add(e1.certify(seed, "E5", "C=US,O=Test Trust Services,CN=Test E5", KeyKind.EC_P384, false));
    CertificateAuthority e6 = add(e1.certify(seed, "E6", "C=US,O=Test Trust Services,CN=Test E6", KeyKind.EC_P256, false));
    addSigner(e6, e6.certify(seed, "E6-PS",
        "C=US,O=Test Trust Services,CN=Test E6 Precertificate Signing", KeyKind.EC_P256, true));
    CertificateAuthority g2 = add(CertificateAuthority.root(seed, "G2",
        "C=GB,O=Example Assurance Ltd,CN=Example Assurance ECC Root G2", KeyKind.EC_P256, ea));
    CertificateAuthority dv2 = add(g2.certify(seed, "DV2",
        "C=GB,O=Example Assurance Ltd,CN=Example Assurance ECC DV CA G2", KeyKind.EC_P256, false));
    addSigner(dv2, dv2.certify(seed, "DV2-PS",
        "C=GB,O=Example Assurance Ltd,CN=Example Assurance Precertificate Signing CA G2", KeyKind.EC_P256, true));
  }

  /** The PKI of {@code seed}; takes a few seconds (RSA key generation). */
  public static TestPki create(long seed) {
    return new TestPki(seed);
  }

  private CertificateAuthority add(CertificateAuthority ca) {
    cas.put(ca.name(), ca);
    return ca;
  }

  private void addSigner(CertificateAuthority ca, CertificateAuthority signer) {
    cas.put(signer.name(), signer);
    precertSigners.put(ca.name(), signer);
  }

  /** The seed everything derives from. */
  public long seed() {
    return seed;
  }

  /** The self-signed roots, in layout order (what a log's get-roots serves). */
  public List<CertificateAuthority> roots() {
    return cas.values().stream().filter(CertificateAuthority::isRoot).toList();
  }

  /** The intermediates that issue leaf certificates, in layout order. */
  public List<CertificateAuthority> issuingCas() {
    return cas.values().stream().filter(ca -> !ca.isRoot() && !ca.isPrecertSigning()).toList();
  }

  /** Every CA by short name: roots, intermediates and precertificate-signing certificates. */
  public List<CertificateAuthority> all() {
    return List.copyOf(cas.values());
  }

  /** The CA called {@code name}; throws {@link IllegalArgumentException} naming the known ones otherwise. */
  public CertificateAuthority ca(String name) {
    CertificateAuthority ca = cas.get(name);
    if (ca == null) {
      throw new IllegalArgumentException("no ca named " + name + " in this pki; known: " + cas.keySet());
    }
    return ca;
  }

  /** The precertificate-signing certificate of issuing CA {@code issuer}, if it has one. */
  public Optional<CertificateAuthority> precertSigner(CertificateAuthority issuer) {
    return Optional.ofNullable(precertSigners.get(issuer.name()));
  }

  /** Number of leaf keys in the pool; {@link IssuanceRequest#leafKey()} is taken modulo this. */
  public int leafKeyPoolSize() {
    return LEAF_POOL;
  }

  /** The key type of pool key {@code index} (modulo the pool size), without generating it. */
  public KeyKind leafKeyKind(int index) {
    return LEAF_KINDS[index % LEAF_POOL];
  }

  /** The DER SubjectPublicKeyInfo of pool key {@code index} (modulo the pool size). */
  public Der leafKeySpki(int index) {
    return leafKey(index).spkiDer();
  }

  synchronized KeyMaterial leafKey(int index) {
    int i = index % LEAF_POOL;
    if (leafKeys[i] == null) {
      leafKeys[i] = KeyMaterial.generate(LEAF_KINDS[i], seed, "leaf key " + i);
    }
    return leafKeys[i];
  }

  /**
   * Issues what {@code request} asks for. For the precertificate styles: the precertificate (poison,
   * signed by the CA or its precertificate-signing certificate), its precert entry as a log
   * reconstructs it ({@link PrecertTbs}), one SCT per requested log over that entry, and the final
   * certificate, signed by the CA, whose TBS is the entry's plus the SCT list extension. For {@link
   * IssuanceStyle#PLAIN}: the final certificate alone. Deterministic: the same request on a PKI of
   * the same seed gives the same bytes.
   *
   * @throws IllegalArgumentException if the issuer is unknown, not an issuing CA, or has no
   *     precertificate-signing certificate when the style needs one
   */
  public TestIssuance issue(IssuanceRequest request) {
    return issue(request, Map.of());
  }

  /**
   * Issues what {@code request} asks for, with the SCT of each log in {@code sctExtensions} carrying
   * those CtExtensions (a static-ct-api log's leaf_index extension, known once the caller has decided
   * where the precert entry will land); other logs' SCTs carry none. See {@link #issue(IssuanceRequest)}.
   */
  public TestIssuance issue(IssuanceRequest request, Map<TestLogKey, byte[]> sctExtensions) {
    CertificateAuthority ca = ca(request.issuer());
    if (ca.isRoot() || ca.isPrecertSigning()) {
      throw new IllegalArgumentException("ca " + ca.name() + " does not issue leaf certificates");
    }
    LeafTbs leaf = new LeafTbs(request, ca, leafKey(request.leafKey()));
    if (request.style() == IssuanceStyle.PLAIN) {
      TBSCertificate tbs = leaf.tbs(ca, null);
      IssuedCertificate x509 = new IssuedCertificate(sign(ca, tbs, request), ca.chain());
      return new TestIssuance(request, Optional.empty(), x509, List.of(), Sha256.of(der(tbs)));
    }
    CertificateAuthority signer = ca;
    if (request.style() == IssuanceStyle.PRECERT_VIA_SIGNING_CERT) {
      signer = precertSigner(ca).orElseThrow(() -> new IllegalArgumentException(
          "ca " + ca.name() + " has no precertificate signing certificate; those that do: " + precertSigners.keySet()));
    }
    Der precert = sign(signer, leaf.tbs(signer, LeafTbs.poison()), request);
    Der entryTbs = PrecertTbs.fromPrecertificate(precert,
        signer == ca ? Optional.empty() : Optional.of(signer.certificate()));
    IssuedPrecertificate entry = new IssuedPrecertificate(ca.issuerKeyHash(), entryTbs, precert, signer.chain());
    List<Sct> scts = new ArrayList<>(request.logs().size());
    long t = request.loggedAt().toEpochMilli();
    for (int i = 0; i < request.logs().size(); i++) {
      TestLogKey log = request.logs().get(i);
      scts.add(log.sign(entry, t + i, sctExtensions.getOrDefault(log, new byte[0])));
    }
    IssuedCertificate x509 = new IssuedCertificate(sign(ca, leaf.tbs(ca, LeafTbs.sctList(scts)), request), ca.chain());
    return new TestIssuance(request, Optional.of(entry), x509, scts, entryTbs.sha256());
  }

  /** {@code tbs} signed by {@code ca}, with the request's quirks written into it. */
  private static Der sign(CertificateAuthority ca, TBSCertificate tbs, IssuanceRequest request) {
    return request.quirks().isEmpty() ? ca.key().signCertificate(tbs)
        : ca.key().signCertificate(QuirkyTbs.encode(tbs, request.quirks()));
  }

  private static byte[] der(TBSCertificate tbs) {
    try {
      return tbs.getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new CtmonException("error encoding a tbs certificate for " + tbs.getSubject(), e);
    }
  }
}
