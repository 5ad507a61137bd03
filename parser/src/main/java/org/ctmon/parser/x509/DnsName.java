package org.ctmon.parser.x509;

import java.util.Locale;

/**
 * A DNS name as a certificate states it, normalized to the form ctmon indexes and matches.
 *
 * <p>{@link #name()} is the key: ASCII letters lower-cased and one trailing dot removed, nothing
 * else changed. Internationalized names stay in their A-label ({@code xn--}) form; {@link
 * #unicode()} gives the display form. Names that are not valid host names (spaces, NUL bytes,
 * empty labels, non-ASCII characters, a {@code *} outside the leftmost label) are kept, never
 * dropped, and carry a lower-case {@link #problem()}; {@link #valid()} is then false. A leftmost
 * {@code *} label makes a valid {@link #wildcard()} name.
 *
 * <p>Ordered and equal by {@link #name()} alone, so a sorted set of names holds each key once.
 *
 * @param name the normalized key, never null (may be empty for an empty SAN entry)
 * @param wildcard whether the leftmost label is {@code *}
 * @param problem why the name is not a valid host name, or null when it is
 */
public record DnsName(String name, boolean wildcard, String problem) implements Comparable<DnsName> {
  /** Validates the components: {@code name} non-null, {@code problem} null or non-empty. */
  public DnsName {
    if (name == null) {
      throw new IllegalArgumentException("a dns name needs a name");
    }
    if (problem != null && problem.isEmpty()) {
      throw new IllegalArgumentException("an empty problem for dns name " + name);
    }
  }

  /**
   * Normalizes a name exactly as a certificate wrote it (SAN dNSName, subject CN): lower-cases
   * ASCII letters, drops one trailing dot, and flags whatever is not a valid host name. Never
   * trims or drops characters.
   */
  public static DnsName of(String raw) {
    String lower = lowerAscii(raw);
    String name = lower.length() > 1 && lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    boolean wildcard = name.startsWith("*.") || name.equals("*");
    return new DnsName(name, wildcard, problemOf(name));
  }

  /**
   * Normalizes watch-list input: trims surrounding whitespace, converts Unicode labels to
   * A-labels (IDNA 2008, UTS 46 nontransitional), then as {@link #of(String)}. Input that IDNA
   * refuses is kept as typed and flagged.
   */
  public static DnsName parse(String input) {
    String s = input.strip();
    boolean ascii = true;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (!ascii) {
      // Kept as typed when IDNA 2008 refuses it: of() flags it as non-ascii.
      s = Idna.toAscii(s).orElse(s);
    }
    return of(s);
  }

  /** Whether this is a valid host name (possibly a wildcard). */
  public boolean valid() {
    return problem == null;
  }

  /**
   * The labels in reverse order joined with dots ({@code www.example.com} gives {@code
   * com.example.www}), the form the store indexes so that a domain and its subdomains are one
   * range.
   */
  public String reversed() {
    StringBuilder sb = new StringBuilder(name.length());
    int end = name.length();
    for (int i = name.length() - 1; i >= -1; i--) {
      if (i == -1 || name.charAt(i) == '.') {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(name, i + 1, end);
        end = i;
      }
    }
    return sb.toString();
  }

  /**
   * The display form: A-labels converted to Unicode (falling back to the A-label when IDNA
   * refuses it), control characters such as NUL escaped as {@code \x00}.
   */
  public String unicode() {
    String u = name;
    if (valid() && name.contains("xn--")) {
      u = Idna.toUnicode(name).orElse(name);
    }
    return escapeControls(u);
  }

  @Override
  public int compareTo(DnsName o) {
    return name.compareTo(o.name);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DnsName other && name.equals(other.name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return escapeControls(name);
  }

  /**
   * {@code s} with ASCII capitals made small and nothing else changed: DNS names compare without
   * case in ASCII only (RFC 4343), and a name with no capital is returned as it is.
   */
  public static String lowerAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        char[] cs = s.toCharArray();
        for (int j = i; j < cs.length; j++) {
          if (cs[j] >= 'A' && cs[j] <= 'Z') {
            cs[j] = (char) (cs[j] + 32);
          }
        }
        return new String(cs);
      }
    }
    return s;
  }

  static String escapeControls(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        if (sb == null) {
          sb = new StringBuilder(s.length() + 8).append(s, 0, i);
        }
        sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** Why {@code name} (already lower-cased, trailing dot removed) is not a valid host name. */
  private static String problemOf(String name) {
    if (name.isEmpty()) {
      return "empty name";
    }
    if (name.equals("*")) {
      return "bare wildcard";
    }
    int labelStart = 0;
    for (int i = 0; i <= name.length(); i++) {
      if (i == name.length() || name.charAt(i) == '.') {
        int len = i - labelStart;
        if (len == 0) {
          return "empty label";
        }
        if (len > 63) {
          return "label longer than 63 characters";
        }
        labelStart = i + 1;
        continue;
      }
      char c = name.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
        continue; // the common case first: this is the hot loop of every certificate
      }
      if (c == 0) {
        return "contains nul";
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        return i == 0 || i == name.length() - 1 ? "leading or trailing whitespace" : "contains whitespace";
      }
      if (c >= 0x80) {
        return "non-ascii character";
      }
      if (c == '*') {
        if (i != 0 || name.length() < 2 || name.charAt(1) != '.') {
          return "wildcard not the whole leftmost label";
        }
        continue;
      }
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
        return String.format(Locale.ROOT, "invalid character 0x%02x", (int) c);
      }
    }
    if (name.length() > 253) {
      return "longer than 253 characters";
    }
    return null;
  }
}
