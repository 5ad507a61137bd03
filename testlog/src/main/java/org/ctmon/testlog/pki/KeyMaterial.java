package org.ctmon.testlog.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.ctmon.parser.CtmonException;
import org.ctmon.parser.Der;

/**
 * A key pair made deterministically from a {@link SeededRandom}, and the deterministic signatures
 * it makes: RSA PKCS#1 v1.5 is deterministic by nature (signed through the JDK, which is faster
 * than BouncyCastle here), ECDSA uses RFC 6979 nonces (BouncyCastle, twice as fast as the JDK's), so a signature
 * depends only on the key and the message. Immutable; {@link #sign} is thread-safe (fresh signer
 * objects per call).
 */
final class KeyMaterial {
  private static final BigInteger RSA_EXPONENT = BigInteger.valueOf(65537);

  private final KeyKind kind;
  private final AsymmetricKeyParameter privateKey;
  private final SubjectPublicKeyInfo spki;
  private final Der spkiDer;
  private final byte[] keyIdentifier;
  private final AlgorithmIdentifier signatureAlgorithm;
  /** RSA keys sign through the JDK's SunRsaSign, a third faster than BouncyCastle's blinded engine; same bytes. */
  private final PrivateKey jcaRsaKey;

  private KeyMaterial(KeyKind kind, AsymmetricCipherKeyPair pair) {
    this.kind = kind;
    this.privateKey = pair.getPrivate();
    try {
      this.spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pair.getPublic());
      this.spkiDer = Der.of(spki.getEncoded(ASN1Encoding.DER));
    } catch (IOException e) {
      throw new CtmonException("error encoding a " + kind + " public key", e);
    }
    this.keyIdentifier = sha1(spki.getPublicKeyData().getBytes());
    this.signatureAlgorithm = switchAlgorithm(kind);
    this.jcaRsaKey = kind == KeyKind.RSA_2048 ? jcaRsa(privateKeyInfo()) : null;
  }

  private static PrivateKey jcaRsa(byte[] pkcs8) {
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new CtmonException("error converting an rsa key to jca", e);
    }
  }

  /** Generates a key of {@code kind} from the stream of ({@code seed}, {@code label}). Slow for RSA (a second or so). */
  static KeyMaterial generate(KeyKind kind, long seed, String label) {
    SeededRandom random = new SeededRandom(seed, label);
    if (kind == KeyKind.RSA_2048) {
      RSAKeyPairGenerator g = new RSAKeyPairGenerator();
      g.init(new RSAKeyGenerationParameters(RSA_EXPONENT, random, 2048, 112));
      return new KeyMaterial(kind, g.generateKeyPair());
    }
    ECNamedDomainParameters curve = ECNamedDomainParameters.lookup(
        kind == KeyKind.EC_P256 ? SECObjectIdentifiers.secp256r1 : SECObjectIdentifiers.secp384r1);
    ECKeyPairGenerator g = new ECKeyPairGenerator();
    g.init(new ECKeyGenerationParameters(curve, random));
    return new KeyMaterial(kind, g.generateKeyPair());
  }

  private static AlgorithmIdentifier switchAlgorithm(KeyKind kind) {
    if (kind == KeyKind.RSA_2048) {
      return new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);
    }
    if (kind == KeyKind.EC_P256) {
      return new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
    }
    return new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA384);
  }

  KeyKind kind() {
    return kind;
  }

  SubjectPublicKeyInfo spki() {
    return spki;
  }

  /** The DER SubjectPublicKeyInfo. */
  Der spkiDer() {
    return spkiDer;
  }

  /** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits; a copy. */
  byte[] keyIdentifier() {
    return keyIdentifier.clone();
  }

  /** The AlgorithmIdentifier of the signatures {@link #sign} makes. */
  AlgorithmIdentifier signatureAlgorithm() {
    return signatureAlgorithm;
  }

  /** The PKCS#8 PrivateKeyInfo DER, for callers that want a JCA key. */
  byte[] privateKeyInfo() {
    try {
      return PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new CtmonException("error encoding a " + kind + " private key", e);
    }
  }

  /** Signs {@code data}: a PKCS#1 v1.5 signature, or a DER ECDSA-Sig-Value. */
  byte[] sign(byte[] data) {
    try {
      if (kind == KeyKind.RSA_2048) {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(jcaRsaKey);
        s.update(data);
        return s.sign();
      }
      Digest digest = kind == KeyKind.EC_P256 ? new SHA256Digest() : new SHA384Digest();
      byte[] hash = new byte[digest.getDigestSize()];
      digest.update(data, 0, data.length);
      digest.doFinal(hash, 0);
      Digest nonceDigest = kind == KeyKind.EC_P256 ? new SHA256Digest() : new SHA384Digest();
      ECDSASigner s = new ECDSASigner(new HMacDSAKCalculator(nonceDigest));
      s.init(true, privateKey);
      BigInteger[] rs = s.generateSignature(hash);
      BigInteger n = ((ECPrivateKeyParameters) privateKey).getParameters().getN();
      return StandardDSAEncoding.INSTANCE.encode(n, rs[0], rs[1]);
    } catch (GeneralSecurityException | IOException e) {
      throw new CtmonException("error signing " + data.length + " bytes with a " + kind + " key", e);
    }
  }

  private static byte[] sha1(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("the JRE has no SHA-1", e);
    }
  }

  /** Signs {@code tbsDer}, a TBSCertificate as written (DER or not), and assembles the Certificate. */
  Der signCertificate(byte[] tbsDer) {
    try {
      byte[] sig = sign(tbsDer);
      byte[] alg = signatureAlgorithm.getEncoded(ASN1Encoding.DER);
      byte[] bits = new DERBitString(sig).getEncoded(ASN1Encoding.DER);
      byte[] body = new byte[tbsDer.length + alg.length + bits.length];
      System.arraycopy(tbsDer, 0, body, 0, tbsDer.length);
      System.arraycopy(alg, 0, body, tbsDer.length, alg.length);
      System.arraycopy(bits, 0, body, tbsDer.length + alg.length, bits.length);
      return Der.of(QuirkyTbs.tlv(0x30, body));
    } catch (IOException e) {
      throw new CtmonException("error encoding a certificate of " + tbsDer.length + " tbs bytes", e);
    }
  }

  /** Signs {@code tbs} and assembles the DER Certificate (RFC 5280 §4.1). */
  Der signCertificate(TBSCertificate tbs) {
    try {
      byte[] sig = sign(tbs.getEncoded(ASN1Encoding.DER));
      DERSequence cert = new DERSequence(new ASN1Encodable[] {tbs, signatureAlgorithm, new DERBitString(sig)});
      return Der.of(cert.getEncoded(ASN1Encoding.DER));
    } catch (IOException e) {
      throw new CtmonException("error encoding a certificate for " + tbs.getSubject(), e);
    }
  }
}
