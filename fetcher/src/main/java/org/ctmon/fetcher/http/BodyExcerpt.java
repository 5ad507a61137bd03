package org.ctmon.fetcher.http;

/**
 * The start of a response body, printable in a log line: ASCII kept, {@code \n \r \t \\}
 * escaped, every other byte as {@code \xNN}, cut at {@link #MAX_CHARS} characters with
 * {@code ...} appended when more followed.
 */
final class BodyExcerpt {
  /** The most characters of escaped body kept. */
  static final int MAX_CHARS = 200;

  private BodyExcerpt() {}

  static String of(byte[] body) {
    return of(body, body.length);
  }

  /** The excerpt of the first {@code length} bytes of {@code body}. */
  static String of(byte[] body, int length) {
    StringBuilder s = new StringBuilder(Math.min(MAX_CHARS + 3, length * 2));
    int i = 0;
    for (; i < length; i++) {
      String e = escape(body[i] & 0xff);
      if (s.length() + e.length() > MAX_CHARS) {
        break;
      }
      s.append(e);
    }
    if (i < length) {
      s.append("...");
    }
    return s.toString();
  }

  private static String escape(int b) {
    switch (b) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      case '\\':
        return "\\\\";
      default:
        return b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b);
    }
  }
}
