package org.ctmon.fetcher.loglist;

/**
 * The {@code version} of a log list ("89.25" for Chrome, "511" for Apple), ordered so a refresh
 * can refuse to go back to an older list.
 *
 * <p>Dot-separated parts compare numerically when both are digits ("89.25" &gt; "89.9") and as
 * text otherwise; a version that is a prefix of another is older ("89" &lt; "89.1").
 */
public record LogListVersion(String text) implements Comparable<LogListVersion> {
  public LogListVersion {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a log list version needs text");
    }
    text = text.trim();
  }

  @Override
  public int compareTo(LogListVersion o) {
    String[] a = text.split("\\.", -1);
    String[] b = o.text.split("\\.", -1);
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      int c = comparePart(a[i], b[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  private static int comparePart(String x, String y) {
    if (isDigits(x) && isDigits(y)) {
      String xs = stripLeadingZeros(x);
      String ys = stripLeadingZeros(y);
      // Compared as digit strings so any length works without overflow.
      return xs.length() != ys.length() ? Integer.compare(xs.length(), ys.length()) : xs.compareTo(ys);
    }
    return x.compareTo(y);
  }

  private static boolean isDigits(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static String stripLeadingZeros(String s) {
    int i = 0;
    while (i < s.length() - 1 && s.charAt(i) == '0') {
      i++;
    }
    return s.substring(i);
  }

  @Override
  public String toString() {
    return text;
  }
}
