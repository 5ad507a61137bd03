package org.ctmon.store.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashing with Argon2id (RFC 9106) in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt b64>$<hash b64>} (OWASP's minimum: 19 MiB, 2 passes,
 * 1 lane). Hashes of earlier versions ({@code pbkdf2-sha256$<iterations>$<salt>$<hash>}) still
 * verify, and {@link #needsRehash} says so, so they move to Argon2id at the next sign-in. The cost
 * is read from each stored string: raising it later invalidates nothing.
 */
final class PasswordHash {
  static final int MEMORY_KIB = 19_456;
  static final int PASSES = 2;
  static final int LANES = 1;
  private static final String ARGON2ID = "$argon2id$v=19$";
  private static final String PBKDF2 = "pbkdf2-sha256";
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

  private PasswordHash() {}

  static String hash(String password, SecureRandom random) {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    byte[] hash = argon2id(password, salt, MEMORY_KIB, PASSES, LANES, 32);
    return ARGON2ID + "m=" + MEMORY_KIB + ",t=" + PASSES + ",p=" + LANES + "$" + B64.encodeToString(salt) + "$"
        + B64.encodeToString(hash);
  }

  /**
   * Whether {@code password} hashes to {@code stored} (Argon2id PHC or the older PBKDF2 form);
   * compares in constant time. A malformed stored string verifies nothing.
   */
  static boolean verify(String password, String stored) {
    try {
      if (stored.startsWith(ARGON2ID)) {
        return verifyArgon2id(password, stored);
      }
      if (stored.startsWith(PBKDF2 + "$")) {
        return verifyPbkdf2(password, stored);
      }
    } catch (IllegalArgumentException e) {
      return false; // bad numbers or base64 in the stored string
    }
    return false;
  }

  /** Whether {@code stored} is not an Argon2id hash at today's cost, so it should be replaced after a sign-in. */
  static boolean needsRehash(String stored) {
    return !stored.startsWith(ARGON2ID + "m=" + MEMORY_KIB + ",t=" + PASSES + ",p=" + LANES + "$");
  }

  private static boolean verifyArgon2id(String password, String stored) {
    // $argon2id$v=19$m=..,t=..,p=..$salt$hash  ->  "", argon2id, v=19, params, salt, hash
    String[] parts = stored.split("\\$");
    if (parts.length != 6) {
      return false;
    }
    int m = -1;
    int t = -1;
    int p = -1;
    for (String kv : parts[3].split(",")) {
      String[] pair = kv.split("=", 2);
      if (pair.length != 2) {
        return false;
      }
      int v = Integer.parseInt(pair[1]);
      switch (pair[0]) {
        case "m" -> m = v;
        case "t" -> t = v;
        case "p" -> p = v;
        default -> {
          return false;
        }
      }
    }
    if (m < 8 || t < 1 || p < 1 || m > 4 * 1024 * 1024) {
      return false;
    }
    byte[] salt = Base64.getDecoder().decode(parts[4]);
    byte[] expected = Base64.getDecoder().decode(parts[5]);
    if (expected.length < 16 || expected.length > 64) {
      return false;
    }
    return MessageDigest.isEqual(expected, argon2id(password, salt, m, t, p, expected.length));
  }

  static byte[] argon2id(String password, byte[] salt, int memoryKib, int passes, int lanes, int length) {
    Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withSalt(salt)
        .withMemoryAsKB(memoryKib)
        .withIterations(passes)
        .withParallelism(lanes)
        .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(params);
    byte[] secret = password.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[length];
    try {
      generator.generateBytes(secret, out);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
    return out;
  }

  private static boolean verifyPbkdf2(String password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4) {
      return false;
    }
    int iterations = Integer.parseInt(parts[1]);
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    return MessageDigest.isEqual(expected, pbkdf2(password, salt, iterations));
  }

  /** The earlier scheme, kept to verify stored hashes (and for tests that make one). */
  static String pbkdf2Hash(String password, byte[] salt, int iterations) {
    return PBKDF2 + "$" + iterations + "$" + B64.encodeToString(salt) + "$"
        + B64.encodeToString(pbkdf2(password, salt, iterations));
  }

  private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new AssertionError("the JRE has no PBKDF2WithHmacSHA256", e);
    } finally {
      spec.clearPassword();
    }
  }
}
