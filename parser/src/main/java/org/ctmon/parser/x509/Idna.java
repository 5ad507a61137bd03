package org.ctmon.parser.x509;

import com.ibm.icu.text.IDNA;
import java.util.Optional;

/**
 * Unicode host names to A-labels and back as browsers do today: UTS 46 nontransitional processing
 * (IDNA 2008), through ICU. {@code java.net.IDN} implements IDNA 2003, which maps {@code faß.de}
 * to {@code fass.de}, a different name from the {@code xn--fa-hia.de} a CA certifies. Thread safe.
 */
final class Idna {
  private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.USE_STD3_RULES | IDNA.NONTRANSITIONAL_TO_ASCII
      | IDNA.NONTRANSITIONAL_TO_UNICODE | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ);

  private Idna() {}

  /** The A-label form of {@code name} (a leftmost {@code *} label kept), or empty if IDNA 2008 refuses it. */
  static Optional<String> toAscii(String name) {
    if (name.startsWith("*.")) {
      return toAscii(name.substring(2)).map(rest -> "*." + rest);
    }
    StringBuilder out = new StringBuilder(name.length() + 8);
    IDNA.Info info = new IDNA.Info();
    UTS46.nameToASCII(name, out, info);
    return info.hasErrors() ? Optional.empty() : Optional.of(out.toString());
  }

  /** The Unicode form of {@code name}, or empty if IDNA 2008 refuses it. */
  static Optional<String> toUnicode(String name) {
    StringBuilder out = new StringBuilder(name.length());
    IDNA.Info info = new IDNA.Info();
    UTS46.nameToUnicode(name, out, info);
    return info.hasErrors() ? Optional.empty() : Optional.of(out.toString());
  }
}
