package org.ctmon.store;

/**
 * How text taken from certificates is written to and read from the database.
 *
 * <p>Certificates carry whatever their issuer put in them: NUL characters (the classic
 * {@code www.bank.com\0.evil.com}), lone UTF-16 surrogates decoded from broken BMPStrings,
 * backslashes. PostgreSQL text cannot hold NUL, and a lone surrogate has no UTF-8 form, so every
 * such string is escaped on the way in and unescaped on the way out: backslash becomes
 * {@code \\}, NUL {@code \0}, a lone surrogate {@code \\uXXXX}. Ordinary text (no backslash, no NUL,
 * no lone surrogate) is stored as it is, so names sort and compare as themselves.
 *
 * <p>{@link #key(String)} also cuts a search key to {@link #KEY_CHARS} characters: a PostgreSQL
 * B-tree entry is limited to 2704 bytes, and a 10,000-character name must not stop ingest.
 */
public final class SqlText {
  /** Longest search key stored in an index, in characters (at most 3 UTF-8 bytes each). */
  public static final int KEY_CHARS = 800;

  private SqlText() {}

  /** The stored form of {@code text}; {@code null} stays {@code null}. */
  public static String encode(String text) {
    if (text == null || isPlain(text)) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        b.append("\\\\");
      } else if (c == 0) {
        b.append("\\0");
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        b.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** The text whose stored form is {@code stored}; {@code null} stays {@code null}. */
  public static String decode(String stored) {
    if (stored == null || stored.indexOf('\\') < 0) {
      return stored;
    }
    StringBuilder b = new StringBuilder(stored.length());
    for (int i = 0; i < stored.length(); i++) {
      char c = stored.charAt(i);
      if (c != '\\' || i + 1 >= stored.length()) {
        b.append(c);
        continue;
      }
      char n = stored.charAt(++i);
      if (n == '0') {
        b.append('\0');
      } else if (n == 'u' && i + 4 < stored.length()) {
        b.append((char) Integer.parseInt(stored.substring(i + 1, i + 5), 16));
        i += 4;
      } else {
        b.append(n);
      }
    }
    return b.toString();
  }

  /** The stored form of {@code text} cut to {@link #KEY_CHARS} characters, for an indexed column. */
  public static String key(String text) {
    String e = encode(text);
    if (e == null || e.length() <= KEY_CHARS) {
      return e;
    }
    int end = KEY_CHARS;
    if (Character.isHighSurrogate(e.charAt(end - 1))) {
      end--; // never split a surrogate pair: half of one has no UTF-8 form
    }
    return e.substring(0, end);
  }

  private static boolean isPlain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == 0 || Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
