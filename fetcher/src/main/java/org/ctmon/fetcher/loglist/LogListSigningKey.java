package org.ctmon.fetcher.loglist;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;
import org.ctmon.parser.Der;

/**
 * A public key that signs log lists, and the check of a list's detached signature.
 *
 * <p>Google signs {@code log_list.json} and {@code all_logs_list.json} with a 4096-bit RSA key using
 * RSASSA-PKCS1-v1_5 with SHA-256 over the exact bytes served (the {@code .sig} next to the list is
 * the raw 512-byte signature); an EC key would be checked with ECDSA over SHA-256. Immutable and
 * thread-safe.
 */
public final class LogListSigningKey {
  private final String name;
  private final Der spki;
  private final PublicKey key;

  private LogListSigningKey(String name, Der spki, PublicKey key) {
    this.name = name;
    this.spki = spki;
    this.key = key;
  }

  /**
   * Google's Chrome log-list signing key, bundled (from
   * {@code https://www.gstatic.com/ct/log_list/v3/log_list_pubkey.pem}).
   */
  public static LogListSigningKey google() {
    ResourceSource pem = ResourceSource.of("log_list_pubkey.pem");
    return fromPem(pem.read(), pem.name());
  }

  /**
   * A key from a PEM {@code PUBLIC KEY} block (SubjectPublicKeyInfo, RSA or EC).
   *
   * @throws UnableToVerifyLogListException naming {@code name} when it is not such a key
   */
  public static LogListSigningKey fromPem(byte[] pem, String name) {
    String text = new String(pem, StandardCharsets.US_ASCII);
    int begin = text.indexOf("-----BEGIN PUBLIC KEY-----");
    int end = text.indexOf("-----END PUBLIC KEY-----");
    if (begin < 0 || end < begin) {
      throw new UnableToVerifyLogListException(name, "error reading log list signing key " + name
          + ": no pem public key block");
    }
    String body = text.substring(begin + "-----BEGIN PUBLIC KEY-----".length(), end);
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new UnableToVerifyLogListException(name, "error reading log list signing key " + name
          + ": pem body is not base64", e);
    }
    return fromSpki(Der.of(der), name);
  }

  /** A key from its DER SubjectPublicKeyInfo. */
  public static LogListSigningKey fromSpki(Der spki, String name) {
    for (String algorithm : new String[] {"RSA", "EC"}) {
      try {
        PublicKey k = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki.bytes()));
        return new LogListSigningKey(name, spki, k);
      } catch (GeneralSecurityException | RuntimeException e) {
        // try the next algorithm
      }
    }
    throw new UnableToVerifyLogListException(name, "error reading log list signing key " + name
        + ": not an rsa or ec subjectpublickeyinfo");
  }

  /** The key's DER SubjectPublicKeyInfo. */
  public Der spki() {
    return spki;
  }

  /**
   * Checks that {@code signature} is this key's signature over exactly {@code list}.
   *
   * @throws UnableToVerifyLogListException naming {@code source} when it is not
   */
  public void verify(byte[] list, byte[] signature, String source) {
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(signature, "signature");
    boolean ok;
    try {
      Signature v = Signature.getInstance("RSA".equals(key.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA");
      v.initVerify(key);
      v.update(list);
      ok = v.verify(signature);
    } catch (GeneralSecurityException e) {
      // A malformed signature (wrong length, bad DER) is a failed verification, not a crash.
      ok = false;
    }
    if (!ok) {
      throw new UnableToVerifyLogListException(source, "error verifying log list from " + source
          + ": the " + signature.length + "-byte signature does not verify with " + name
          + " (spki sha-256 " + spki.sha256().hex() + ")");
    }
  }

  @Override
  public String toString() {
    return "LogListSigningKey[" + name + ", " + key.getAlgorithm() + ", spki sha256=" + spki.sha256() + "]";
  }
}
