package org.ctmon.parser.treehead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.ctmon.parser.Base64Text;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;

/**
 * A CT log's public key, as the {@code key} field of a Chrome v3 log list gives it: the base64 DER
 * of a SubjectPublicKeyInfo.
 *
 * <p>The {@link #logId()} is the SHA-256 of exactly that DER (RFC 6962 §3.2), so the DER must be
 * canonical: a key that re-encodes differently is rejected rather than silently given another id.
 * Only ECDSA on P-256 and RSA of at least 2048 bits are accepted (RFC 6962 §2.1.4, Chrome policy).
 * Immutable and thread-safe; equality is by DER.
 */
public final class LogKey {
  private static final int MIN_RSA_BITS = 2048;
  private static final ASN1ObjectIdentifier P256 = X9ObjectIdentifiers.prime256v1;

  private final Der spki;
  private final Sha256 logId;
  private final KeyAlgorithm algorithm;
  private final PublicKey publicKey;

  private LogKey(Der spki, KeyAlgorithm algorithm, PublicKey publicKey) {
    this.spki = spki;
    this.logId = spki.sha256();
    this.algorithm = algorithm;
    this.publicKey = publicKey;
  }

  /**
   * Parses the base64 DER SubjectPublicKeyInfo of a log list's {@code key} field.
   *
   * @throws InvalidLogKeyException if it is not base64, not a canonical DER SubjectPublicKeyInfo, or
   *     not an ECDSA P-256 or RSA (2048 bits or more) key
   */
  public static LogKey fromBase64(String base64) {
    byte[] der;
    try {
      der = Base64Text.decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidLogKeyException("log key is not base64: " + e.getMessage());
    }
    return fromDer(Der.of(der));
  }

  /** Parses a PEM {@code PUBLIC KEY} block; see {@link #fromBase64(String)}. */
  public static LogKey fromPem(String pem) {
    String begin = "-----BEGIN PUBLIC KEY-----";
    String end = "-----END PUBLIC KEY-----";
    int b = pem.indexOf(begin);
    int e = pem.indexOf(end);
    if (b < 0 || e < b) {
      throw new InvalidLogKeyException("log key pem has no PUBLIC KEY block");
    }
    String body = pem.substring(b + begin.length(), e).replaceAll("\\s+", "");
    return fromBase64(body);
  }

  /** Parses a DER SubjectPublicKeyInfo; see {@link #fromBase64(String)}. */
  public static LogKey fromDer(Der spki) {
    SubjectPublicKeyInfo info;
    try {
      info = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(spki.unsafeBytes()));
      if (!Arrays.equals(info.getEncoded(ASN1Encoding.DER), spki.unsafeBytes())) {
        throw new InvalidLogKeyException("log key " + spki.sha256().base64()
            + " is not canonical der, so its log id would be ambiguous");
      }
    } catch (IOException | IllegalArgumentException | ClassCastException e) {
      throw new InvalidLogKeyException(
          "log key " + spki.sha256().base64() + " is not a der subjectpublickeyinfo", e);
    }
    KeyAlgorithm algorithm = algorithmOf(info, spki);
    PublicKey key;
    try {
      key = KeyFactory.getInstance(algorithm.jcaKeyFactory())
          .generatePublic(new X509EncodedKeySpec(spki.unsafeBytes()));
    } catch (GeneralSecurityException e) {
      throw new InvalidLogKeyException("log key " + spki.sha256().base64() + " (" + algorithm
          + ") is rejected by the jre: " + e.getMessage(), e);
    }
    if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
      throw new InvalidLogKeyException("log key " + spki.sha256().base64() + " is rsa with "
          + rsa.getModulus().bitLength() + " bits; at least " + MIN_RSA_BITS + " are required");
    }
    return new LogKey(spki, algorithm, key);
  }

  private static KeyAlgorithm algorithmOf(SubjectPublicKeyInfo info, Der spki) {
    ASN1ObjectIdentifier oid = info.getAlgorithm().getAlgorithm();
    if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
      return KeyAlgorithm.RSA;
    }
    if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
      var params = info.getAlgorithm().getParameters();
      if (P256.equals(params)) {
        return KeyAlgorithm.ECDSA_P256;
      }
      throw new InvalidLogKeyException("log key " + spki.sha256().base64()
          + " is an ec key on curve " + params + "; only p-256 (" + P256 + ") is allowed");
    }
    throw new InvalidLogKeyException("log key " + spki.sha256().base64() + " has algorithm " + oid
        + "; only ecdsa p-256 and rsa are allowed");
  }

  /** The log id: SHA-256 of the SubjectPublicKeyInfo DER, as a log list's {@code log_id}. */
  public Sha256 logId() {
    return logId;
  }

  /** The SubjectPublicKeyInfo DER. */
  public Der spki() {
    return spki;
  }

  /** ECDSA P-256 or RSA. */
  public KeyAlgorithm algorithm() {
    return algorithm;
  }

  /**
   * The signed-note key id of this log's RFC 6962 note signatures under {@code keyName} (the
   * checkpoint origin): the first 4 bytes, big endian, of SHA-256(key name || 0x0A || 0x05 || log id)
   * (static-ct-api, "Checkpoints").
   */
  public int noteKeyId(String keyName) {
    MessageDigest md = Sha256.newDigest();
    md.update(keyName.getBytes(StandardCharsets.UTF_8));
    md.update((byte) 0x0a);
    md.update((byte) 0x05);
    logId.updateDigest(md);
    byte[] h = md.digest();
    return (h[0] & 0xff) << 24 | (h[1] & 0xff) << 16 | (h[2] & 0xff) << 8 | (h[3] & 0xff);
  }

  /**
   * Why {@code signed} does not carry a valid signature over {@code message} by this key, or empty
   * if it does. The declared algorithms must be sha256 and this key's kind.
   */
  Optional<String> problemWith(byte[] message, DigitallySigned signed) {
    if (signed.hashAlgorithm() != DigitallySigned.HASH_SHA256) {
      return Optional.of("it declares hash algorithm " + signed.hashAlgorithm()
          + ", only " + DigitallySigned.HASH_SHA256 + " (sha256) is allowed");
    }
    if (signed.signatureAlgorithm() != algorithm.tlsSignatureAlgorithm()) {
      return Optional.of("it declares signature algorithm " + signed.signatureAlgorithm()
          + " but the log key is " + algorithm + " (" + algorithm.tlsSignatureAlgorithm() + ")");
    }
    try {
      Signature verifier = Signature.getInstance(algorithm.jcaSignature());
      verifier.initVerify(publicKey);
      verifier.update(message);
      if (verifier.verify(signed.signature().unsafeBytes())) {
        return Optional.empty();
      }
      return Optional.of("the " + algorithm + " signature is wrong");
    } catch (SignatureException e) {
      // Garbled DER in an ECDSA signature, or an RSA block of the wrong size.
      return Optional.of("the " + algorithm + " signature is not well formed (" + e.getMessage() + ")");
    } catch (GeneralSecurityException e) {
      throw new AssertionError("the jre cannot verify " + algorithm.jcaSignature(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogKey other && spki.equals(other.spki);
  }

  @Override
  public int hashCode() {
    return spki.hashCode();
  }

  @Override
  public String toString() {
    return "LogKey[" + algorithm + ", log id " + logId.base64() + "]";
  }
}
