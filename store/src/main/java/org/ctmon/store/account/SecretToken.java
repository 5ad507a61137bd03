package org.ctmon.store.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.ctmon.parser.Sha256;

/**
 * A high-entropy secret handed to a client once (API token, session id) and stored only as its
 * SHA-256: 256 random bits make a slow KDF unnecessary, and a leaked table reveals no token.
 */
final class SecretToken {
  private SecretToken() {}

  /** A new token: {@code prefix} and 32 random bytes in URL-safe base64. */
  static String generate(String prefix, SecureRandom random) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static byte[] hash(String token) {
    return Sha256.of(token.getBytes(StandardCharsets.UTF_8)).bytes();
  }
}
