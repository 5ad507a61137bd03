package org.ctmon.store.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class PasswordHashTest {
  // Reference computed independently with OpenSSL 3:
  //   openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt pass:'correct horse' \
  //     -kdfopt hexsalt:000102030405060708090a0b0c0d0e0f -kdfopt iter:210000 PBKDF2
  // as base64 without padding.
  private static final String OPENSSL_REFERENCE =
      "pbkdf2-sha256$210000$AAECAwQFBgcICQoLDA0ODw$gxlf+Rr9C5tHYNeBy6tVTQi7bKgI2CUjXCDI6UrbXGg";

  @Test
  void verifiesAHashComputedByOpenssl() {
    assertTrue(PasswordHash.verify("correct horse", OPENSSL_REFERENCE));
    assertFalse(PasswordHash.verify("correct horse ", OPENSSL_REFERENCE));
  }

  @Test
  void aHashVerifiesItsPasswordOnlyAndUsesAtLeast210000Iterations() {
    String h = PasswordHash.hash("s3cret", new java.security.SecureRandom());
    assertTrue(h.startsWith("pbkdf2-sha256$210000$"));
    assertTrue(PasswordHash.verify("s3cret", h));
    assertFalse(PasswordHash.verify("s3cret!", h));
    assertFalse(PasswordHash.verify("s3cret", "md5$x"));
  }
}
