package org.ctmon.fetcher.loglist;

import java.util.regex.Pattern;

/**
 * A log name pattern from configuration: a glob ({@code *} any run, {@code ?} one character)
 * matching a whole name when it has a wildcard, otherwise a substring; case-insensitive either way.
 */
public record NamePattern(String text, Pattern regex) {
  /** The pattern of {@code text}; blank text is refused. */
  public static NamePattern of(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a log name pattern must not be blank");
    }
    String t = text.trim();
    StringBuilder re = new StringBuilder();
    boolean glob = t.indexOf('*') >= 0 || t.indexOf('?') >= 0;
    if (!glob) {
      re.append(".*");
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '*') {
        re.append(".*");
      } else if (c == '?') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (!glob) {
      re.append(".*");
    }
    return new NamePattern(t, Pattern.compile(re.toString(),
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL));
  }

  public boolean matches(String name) {
    return regex.matcher(name).matches();
  }

  /** Patterns are equal when written the same ({@link Pattern} itself compares by identity). */
  @Override
  public boolean equals(Object o) {
    return o instanceof NamePattern other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** True when the pattern matches the log's description or its operator's name. */
  public boolean matches(CtLog log) {
    return matches(log.description()) || matches(log.operator());
  }
}
