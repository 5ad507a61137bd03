package org.ctmon.parser;

import java.util.Base64;
import java.util.Locale;

/**
 * Base64 text as logs serve it ({@code leaf_input}, {@code extra_data}, root hashes), decoded with
 * an error a person can act on. The JDK names a bad character by its signed byte in hex, so
 * {@code é} came out as "character -17"; this names it by code point and offset.
 */
public final class Base64Text {
  private Base64Text() {}

  /**
   * The bytes of standard base64 {@code text} (padding as RFC 4648 gives it).
   *
   * @throws IllegalArgumentException with a lower-case reason, such as {@code illegal base64
   *     character U+00E9 at offset 2}
   */
  public static byte[] decode(String text) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(whyNot(text, e), e);
    }
  }

  private static String whyNot(String text, IllegalArgumentException e) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '+' || c == '/' || c == '=';
      if (!alphabet) {
        int cp = text.codePointAt(i);
        String code = String.format("U+%04X", cp);
        String shown = cp >= 0x21 && cp < 0x7f ? "'" + (char) cp + "' (" + code + ")" : code;
        return "illegal base64 character " + shown + " at offset " + i;
      }
    }
    return e.getMessage().toLowerCase(Locale.ROOT);
  }
}
