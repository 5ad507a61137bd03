package org.ctmon.testlog.pki;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The names of one certificate: its subjectAltName entries in order and its subject common name.
 *
 * <p>An empty {@code sans} means no SAN extension at all (a CN-only certificate, as old CAs issued);
 * an empty {@code commonName} means an empty subject, and then the SAN extension is critical (RFC
 * 5280 §4.2.1.6). At least one of the two must be present.
 */
public record Names(List<SanName> sans, Optional<String> commonName) {
  public Names {
    sans = List.copyOf(sans);
    if (sans.isEmpty() && commonName.isEmpty()) {
      throw new IllegalArgumentException("a certificate needs a san or a common name");
    }
  }

  /** DNS names only, the common name being the first when it fits the 64-char upper bound. */
  public static Names dns(String... names) {
    List<SanName> sans = Arrays.stream(names).map(SanName::dns).toList();
    Optional<String> cn = names.length > 0 && names[0].length() <= 64 ? Optional.of(names[0]) : Optional.empty();
    return new Names(sans, cn);
  }

  /** A certificate with only a subject common name and no SAN extension. */
  public static Names commonNameOnly(String commonName) {
    return new Names(List.of(), Optional.of(commonName));
  }
}
