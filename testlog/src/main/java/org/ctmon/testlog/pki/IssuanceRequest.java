package org.ctmon.testlog.pki;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ctmon.parser.Sha256;

/**
 * What to issue: names, issuing CA (by {@link CertificateAuthority#name()}), style, validity,
 * serial, which key of the leaf key pool to certify, and the logs whose SCTs are embedded.
 *
 * <p>{@code leafKey} is an index into {@link TestPki#leafKeyPoolSize()} (taken modulo the size):
 * real subscribers reuse keys too, and a small pool keeps RSA key generation out of the hot path.
 * SCT {@code i} is stamped {@code loggedAt + i} milliseconds. For {@link IssuanceStyle#PLAIN}
 * {@code logs} must be empty (nothing is embedded); the precertificate styles need at least one log.
 * The serial must not be zero; negative serials are allowed, as broken CAs have issued them.
 * {@code quirks} are written into the CA's TBS (precertificate and final certificate alike); a log
 * writes its precert entry in DER all the same ({@link PrecertTbs}).
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
    Instant loggedAt,
    Set<TbsQuirk> quirks) {
  public IssuanceRequest {
    logs = List.copyOf(logs);
    quirks = quirks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(quirks));
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

  /** A request whose CA writes its TBS in DER. */
  public IssuanceRequest(Names names, String issuer, IssuanceStyle style, Instant notBefore, Instant notAfter,
      BigInteger serial, int leafKey, List<TestLogKey> logs, Instant loggedAt) {
    this(names, issuer, style, notBefore, notAfter, serial, leafKey, logs, loggedAt, Set.of());
  }

  /** This request with {@code more} quirks written into the CA's TBS. */
  public IssuanceRequest withQuirks(TbsQuirk... more) {
    Set<TbsQuirk> all = EnumSet.noneOf(TbsQuirk.class);
    all.addAll(quirks);
    all.addAll(List.of(more));
    return new IssuanceRequest(names, issuer, style, notBefore, notAfter, serial, leafKey, logs, loggedAt, all);
  }

  /**
   * A request with everyday defaults: valid for 90 days from an hour before {@code loggedAt} (CAs
   * backdate), pool key 0, and a positive 16-byte serial derived from the names, issuer and time, so
   * the same arguments give the same certificate and different ones different certificates.
   */
  public static IssuanceRequest simple(
      Names names, String issuer, IssuanceStyle style, List<TestLogKey> logs, Instant loggedAt) {
    Instant notBefore = loggedAt.minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    byte[] h = Sha256.of((names + "|" + issuer + "|" + style + "|" + loggedAt).getBytes(StandardCharsets.UTF_8)).bytes();
    byte[] serial = Arrays.copyOf(h, 16);
    serial[0] = (byte) ((serial[0] & 0x7f) | 0x01);
    return new IssuanceRequest(names, issuer, style, notBefore, notBefore.plus(Duration.ofDays(90)).minusSeconds(1),
        new BigInteger(serial), 0, logs, loggedAt);
  }
}
