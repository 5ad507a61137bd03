package org.ctmon.testlog.pki;

import java.util.List;
import java.util.Optional;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;

/**
 * A precertificate the test PKI issued, as an RFC 6962 precert_entry: the PreCert the log signs ({@code issuerKeyHash}, SHA-256 of the final
 * issuing CA's SubjectPublicKeyInfo, and {@code tbsCertificate}, the precertificate's TBS without the
 * poison extension, its issuer and authority key id rewritten to the final issuer's when a
 * precertificate-signing certificate signed it) and the extra_data: the signed {@code
 * precertificate} and its {@code chain} (the precertificate-signing certificate if any, then the CA,
 * up to the root).
 */
public record IssuedPrecertificate(Sha256 issuerKeyHash, Der tbsCertificate, Der precertificate, List<Der> chain)
    implements Submission {
  public IssuedPrecertificate {
    chain = List.copyOf(chain);
  }

  /**
   * The precert entry a log makes of an add-pre-chain submission: {@code chain} is the precertificate
   * followed by its chain (the precertificate-signing certificate, if the second element carries the
   * CT EKU, then the issuing CA, up to the root). The issuer key hash is that of the issuing CA: the
   * second element, or the third after a precertificate-signing certificate.
   *
   * @throws IllegalArgumentException if the chain is too short to name the issuing CA
   * @throws org.ctmon.parser.CtmonException if a certificate does not decode or the first has no poison
   */
  public static IssuedPrecertificate fromChain(List<Der> chain) {
    if (chain.size() < 2) {
      throw new IllegalArgumentException("a precert chain needs the precertificate and its issuer, got " + chain.size());
    }
    boolean viaSigner = PrecertTbs.isPrecertSigningCertificate(chain.get(1));
    if (viaSigner && chain.size() < 3) {
      throw new IllegalArgumentException("a precert chain through a precertificate signing certificate needs the ca after it");
    }
    Der issuer = chain.get(viaSigner ? 2 : 1);
    Der tbs = PrecertTbs.fromPrecertificate(chain.get(0), viaSigner ? Optional.of(chain.get(1)) : Optional.empty());
    return new IssuedPrecertificate(PrecertTbs.spki(issuer).sha256(), tbs, chain.get(0), chain.subList(1, chain.size()));
  }

  @Override
  public int entryType() {
    return 1;
  }

  @Override
  public byte[] extraData() {
    byte[] chainVector = TlsOut.chainVector(chain);
    return new TlsOut(precertificate.length() + 3 + chainVector.length)
        .vector24(precertificate.unsafeBytes()).bytes(chainVector).toByteArray();
  }

  @Override
  public byte[] tileLeaf(long timestampMillis, byte[] extensions) {
    byte[] timestamped = timestampedEntry(timestampMillis, extensions);
    byte[] fingerprints = TlsOut.fingerprints(chain);
    return new TlsOut(timestamped.length + precertificate.length() + 3 + fingerprints.length)
        .bytes(timestamped).vector24(precertificate.unsafeBytes()).bytes(fingerprints).toByteArray();
  }

  @Override
  public byte[] signedEntry() {
    return new TlsOut(tbsCertificate.length() + 35)
        .bytes(issuerKeyHash.bytes()).vector24(tbsCertificate.unsafeBytes()).toByteArray();
  }
}
