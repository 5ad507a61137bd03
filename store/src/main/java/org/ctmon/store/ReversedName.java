package org.ctmon.store;

/**
 * A DNS name with its labels in reverse order ({@code www.example.com} becomes
 * {@code com.example.www}), the form names are indexed in.
 *
 * <p>Reversed, every subdomain of a name shares its prefix, so "this name and all subdomains" is
 * one index range: {@code [reversed + ".", reversed + "/")}, because {@code '/'} is the character
 * after {@code '.'}. The apex itself is an equality. {@code notexample.com} ({@code com.notexample})
 * and {@code example.com.evil} ({@code evil.com.example}) fall outside both. Reversal splits on
 * every dot and keeps empty labels, so it is its own inverse.
 */
public final class ReversedName {
  private ReversedName() {}

  /** {@code name} with its labels reversed; empty labels are kept. */
  public static String reverse(String name) {
    StringBuilder b = new StringBuilder(name.length());
    int end = name.length();
    for (int i = name.length() - 1; i >= -1; i--) {
      if (i == -1 || name.charAt(i) == '.') {
        if (b.length() > 0 || end < name.length()) {
          b.append('.');
        }
        b.append(name, i + 1, end);
        end = i;
      }
    }
    return b.toString();
  }

  /** The index key of {@code name}: reversed, escaped and cut like every search key. */
  public static String key(String name) {
    return SqlText.key(reverse(name));
  }

  /**
   * The key of the wildcard name that covers {@code name} ({@code *.example.com} for
   * {@code www.example.com}), or {@code null} when {@code name} has a single label.
   */
  public static String coveringWildcardKey(String name) {
    int dot = name.indexOf('.');
    if (dot < 0 || dot == name.length() - 1) {
      return null;
    }
    return key("*" + name.substring(dot));
  }

  /** Lower bound (inclusive) of the keys of every proper subdomain of {@code name}. */
  public static String subdomainsFrom(String name) {
    return key(name) + ".";
  }

  /** Upper bound (exclusive) of the keys of every proper subdomain of {@code name}. */
  public static String subdomainsUntil(String name) {
    return key(name) + "/";
  }
}
