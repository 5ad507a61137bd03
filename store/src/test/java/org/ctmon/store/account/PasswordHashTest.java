package org.ctmon.store.account;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

final class PasswordHashTest {
  // Reference computed independently with OpenSSL 3:
  //   openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt pass:'correct horse' \
  //     -kdfopt hexsalt:000102030405060708090a0b0c0d0e0f -kdfopt iter:210000 PBKDF2
  // as base64 without padding.
  private static final String OPENSSL_REFERENCE =
      "pbkdf2-sha256$210000$AAECAwQFBgcICQoLDA0ODw$gxlf+Rr9C5tHYNeBy6tVTQi7bKgI2CUjXCDI6UrbXGg";
  // The Argon2 reference implementation's own test (phc-winner-argon2, src/test.c, Argon2id v=19):
  // "password", salt "somesalt", t=2, m=65536, p=1.
  private static final String ARGON2_REFERENCE =
      "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

  @Test
  void verifiesAPbkdf2HashComputedByOpenssl() {
    assertTrue(PasswordHash.verify("correct horse", OPENSSL_REFERENCE));
    assertFalse(PasswordHash.verify("correct horse ", OPENSSL_REFERENCE));
    assertTrue(PasswordHash.needsRehash(OPENSSL_REFERENCE));
  }

  @Test
  void computesTheArgon2ReferenceImplementationsTestVector() {
    byte[] out = PasswordHash.argon2id("password", "somesalt".getBytes(StandardCharsets.US_ASCII), 65536, 2, 1, 32);
    assertArrayEquals(HexFormat.of().parseHex("09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7"), out);
    assertTrue(PasswordHash.verify("password", ARGON2_REFERENCE));
    assertFalse(PasswordHash.verify("passwore", ARGON2_REFERENCE));
  }

  @Test
  void newHashesAreArgon2idInPhcFormatAtOwaspCost() {
    String h = PasswordHash.hash("s3cret", new SecureRandom());
    assertTrue(h.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), h);
    assertTrue(PasswordHash.verify("s3cret", h));
    assertFalse(PasswordHash.verify("s3cret!", h));
    assertFalse(PasswordHash.needsRehash(h));
    assertTrue(PasswordHash.needsRehash(ARGON2_REFERENCE)); // another cost
  }

  @Test
  void malformedStoredHashesVerifyNothing() {
    for (String bad : new String[] {"md5$x", "", "$argon2id$v=19$m=x,t=2,p=1$AAAA$AAAA", "$argon2id$v=19$m=65536",
        "$argon2id$v=19$m=65536,t=2,p=1$!!$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc", "pbkdf2-sha256$x$a$b",
        "$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"}) {
      assertFalse(PasswordHash.verify("password", bad), bad);
    }
  }
}
