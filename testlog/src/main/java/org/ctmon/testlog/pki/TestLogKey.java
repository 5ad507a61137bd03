package org.ctmon.testlog.pki;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.ctmon.parser.CtmonException;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;

/**
 * A CT log's signing key (ECDSA P-256, as every log in the Chrome list but a few RSA ones), made
 * from a seed, and the signatures a log makes with it: SCTs over RFC 6962 §3.2 structs and
 * TLS DigitallySigned structs over anything else (tree heads).
 *
 * <p>Immutable and thread-safe. Signatures are deterministic (RFC 6979 nonces): the same entry and
 * timestamp give the same SCT bytes.
 */
public final class TestLogKey {
  private final String name;
  private final KeyMaterial key;

  private TestLogKey(String name, KeyMaterial key) {
    this.name = name;
    this.key = key;
  }

  /** The key of the log called {@code name}, from {@code seed}: same seed and name, same key. */
  public static TestLogKey fromSeed(long seed, String name) {
    return new TestLogKey(name, KeyMaterial.generate(KeyKind.EC_P256, seed, "log key " + name));
  }

  /** The name given at creation. */
  public String name() {
    return name;
  }

  /** The log's public key, a DER SubjectPublicKeyInfo (the {@code key} of a log list entry, base64). */
  public Der publicKey() {
    return key.spkiDer();
  }

  /** The RFC 6962 log id: SHA-256 of {@link #publicKey()}. */
  public Sha256 logId() {
    return key.spkiDer().sha256();
  }

  /** An SCT for {@code entry} at {@code timestampMillis} with no extensions (RFC 6962 logs). */
  public Sct sign(Submission entry, long timestampMillis) {
    return sign(entry, timestampMillis, new byte[0]);
  }

  /**
   * An SCT for {@code entry} at {@code timestampMillis} with {@code extensions} (static-ct-api logs put
   * a leaf_index extension here). The signature covers {@code sct_version 0, signature_type 0}
   * followed by {@link Submission#timestampedEntry}.
   */
  public Sct sign(Submission entry, long timestampMillis, byte[] extensions) {
    byte[] timestamped = entry.timestampedEntry(timestampMillis, extensions);
    byte[] input = new TlsOut(timestamped.length + 2).u8(0).u8(0).bytes(timestamped).toByteArray();
    return new Sct(logId(), timestampMillis, extensions, digitallySigned(input));
  }

  /** The TLS DigitallySigned struct over {@code data}: {@code 04 03}, 2-byte length, DER ECDSA signature. */
  public byte[] digitallySigned(byte[] data) {
    return new TlsOut(80).u8(4).u8(3).vector16(signature(data)).toByteArray();
  }

  /** A DER ECDSA-with-SHA-256 signature over {@code data}, as signed notes and checkpoints need. */
  public byte[] signature(byte[] data) {
    return key.sign(data);
  }

  /** The key pair as JCA keys ("EC"), for code that signs or verifies with {@code java.security}. */
  public KeyPair keyPair() {
    try {
      KeyFactory f = KeyFactory.getInstance("EC");
      return new KeyPair(
          f.generatePublic(new X509EncodedKeySpec(key.spkiDer().bytes())),
          f.generatePrivate(new PKCS8EncodedKeySpec(key.privateKeyInfo())));
    } catch (GeneralSecurityException e) {
      throw new CtmonException("error converting the key of log " + name + " to jca", e);
    }
  }

  @Override
  public String toString() {
    return "TestLogKey[" + name + ", " + logId() + "]";
  }
}
