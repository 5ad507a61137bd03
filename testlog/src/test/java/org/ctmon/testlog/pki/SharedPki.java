package org.ctmon.testlog.pki;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/** One PKI and two log keys for every test class of the run: RSA key generation is too slow to repeat. */
final class SharedPki {
  static final long SEED = 6962;
  static final TestPki PKI = TestPki.create(SEED);
  static final TestLogKey LOG_A = TestLogKey.fromSeed(SEED, "argon-test");
  static final TestLogKey LOG_B = TestLogKey.fromSeed(SEED, "xenon-test");
  /** The time openssl verify is asked to check at, inside every generated validity period. */
  static final Instant VALID_AT = Instant.parse("2026-06-01T12:00:00Z");

  private SharedPki() {}

  static IssuanceRequest request(Names names, String issuer, IssuanceStyle style) {
    List<TestLogKey> logs = style == IssuanceStyle.PLAIN ? List.of() : List.of(LOG_A, LOG_B);
    return new IssuanceRequest(names, issuer, style,
        Instant.parse("2026-05-20T08:00:00Z"), Instant.parse("2026-08-18T07:59:59Z"),
        new BigInteger("3a9f1c07d2e5b86a01f4c3b2a1908e7d6c", 16), 0, logs, Instant.parse("2026-05-20T09:00:00Z"));
  }
}
