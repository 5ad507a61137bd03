package org.ctmon.web.account;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;

/**
 * A bare email address (no display name), as accounts and alert recipients use it: RFC 822 syntax
 * checked strictly by Jakarta Mail, no CR or LF (no header injection), at most 320 characters,
 * kept in lower case.
 *
 * @param value the address, lower case
 */
public record EmailAddress(String value) {
  /** Largest address accepted (64 local + @ + 255 domain). */
  public static final int MAX_LENGTH = 320;

  /**
   * Checks and lower-cases {@code value}.
   *
   * @throws IllegalArgumentException with a lower-case message quoting the address
   */
  public EmailAddress {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("an email address is needed");
    }
    value = value.strip();
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("email address is longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException("email address \"" + printable(value) + "\" contains a control character");
      }
    }
    InternetAddress parsed;
    try {
      parsed = new InternetAddress(value, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("\"" + value + "\" is not an email address: "
          + e.getMessage().toLowerCase(Locale.ROOT), e);
    }
    if (!value.equals(parsed.getAddress()) || parsed.getPersonal() != null || value.indexOf('@') < 1
        || value.startsWith("@") || value.endsWith("@")) {
      throw new IllegalArgumentException("\"" + value + "\" is not a bare email address (name@domain)");
    }
    value = value.toLowerCase(Locale.ROOT);
  }

  private static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      sb.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return value;
  }
}
