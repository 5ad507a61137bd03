package org.ctmon.alerts.email;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SMTP server alerts are sent through ({@code alerts.smtp.*}).
 *
 * @param host server host name
 * @param port server port (25 or 587 for NONE/STARTTLS, 465 for TLS, by convention)
 * @param security how the connection is protected; STARTTLS here means required, never
 *     falling back to clear text
 * @param username login, if the server needs one
 * @param password its password
 * @param from the sender address, also the envelope sender
 * @param connectTimeout how long to wait for the connection
 * @param timeout how long to wait for each read and write
 * @param trustedHosts hosts whose certificate is accepted without any check (a private relay
 *     with a self-signed certificate); empty in normal use
 */
public record SmtpSettings(String host, int port, Security security, Optional<String> username,
                           Optional<String> password, String from, Duration connectTimeout, Duration timeout,
                           List<String> trustedHosts) {
  /** How the SMTP connection is protected. */
  public enum Security {
    /** Clear text (a local relay). */
    NONE,
    /** Upgrade with STARTTLS; a server that does not offer it is an error. */
    STARTTLS,
    /** TLS from the first byte (SMTPS). */
    TLS
  }

  public SmtpSettings {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("alerts.smtp.host is required");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("alerts.smtp.port must be 1..65535, not " + port);
    }
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    if (from == null || from.indexOf('@') < 1) {
      throw new IllegalArgumentException("alerts.smtp.from must be an email address, not " + from);
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero() || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("smtp timeouts must be positive");
    }
    trustedHosts = List.copyOf(trustedHosts);
  }

  /** Settings with 10 s connect and 30 s read timeouts and no trusted hosts. */
  public static SmtpSettings of(String host, int port, Security security, Optional<String> username,
                                Optional<String> password, String from) {
    return new SmtpSettings(host, port, security, username, password, from, Duration.ofSeconds(10),
        Duration.ofSeconds(30), List.of());
  }

  @Override
  public String toString() {
    return "SmtpSettings[host=" + host + ", port=" + port + ", security=" + security + ", username="
        + username.orElse("") + ", from=" + from + "]";
  }
}
