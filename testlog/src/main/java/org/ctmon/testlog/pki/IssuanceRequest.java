package org.ctmon.testlog.pki;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * What to issue: names, issuing CA (by {@link CertificateAuthority#name()}), style, validity,
 * serial, which key of the leaf key pool to certify, and the logs whose SCTs are embedded.
 *
 * <p>{@code leafKey} is an index into {@link TestPki#leafKeyPoolSize()} (taken modulo the size):
 * real subscribers reuse keys too, and a small pool keeps RSA key generation out of the hot path.
 * SCT {@code i} is stamped {@code loggedAt + i} milliseconds. For {@link IssuanceStyle#PLAIN}
 * {@code logs} must be empty (nothing is embedded); the precertificate styles need at least one log.
 */
public record IssuanceRequest(
    Names names,
    String issuer,
    IssuanceStyle style,
    Instant notBefore,
    Instant notAfter,
    BigInteger serial,
    int leafKey,
    List<TestLogKey> logs,
    Instant loggedAt) {
  public IssuanceRequest {
    logs = List.copyOf(logs);
    if (!notAfter.isAfter(notBefore)) {
      throw new IllegalArgumentException("notAfter " + notAfter + " is not after notBefore " + notBefore);
    }
    if (leafKey < 0) {
      throw new IllegalArgumentException("leaf key index is negative: " + leafKey);
    }
    if (style == IssuanceStyle.PLAIN && !logs.isEmpty()) {
      throw new IllegalArgumentException("a plain certificate embeds no scts, yet " + logs.size() + " logs were given");
    }
    if (style != IssuanceStyle.PLAIN && logs.isEmpty()) {
      throw new IllegalArgumentException("a " + style + " issuance needs at least one log for its scts");
    }
    if (serial.signum() == 0) {
      throw new IllegalArgumentException("serial is zero");
    }
  }
}
