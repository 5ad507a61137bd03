package org.ctmon.web.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text-to-value conversions shared by the settings; each throws IllegalArgumentException with a lower-case reason. */
final class ValueParsers {
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");
  private static final Pattern BYTES = Pattern.compile("(\\d+)\\s*(kb|k|kib|mb|m|mib|gb|g|gib|b)?");

  private ValueParsers() {}

  static int port(String text) {
    int p = integer(text);
    if (p < 1 || p > 65535) {
      throw new IllegalArgumentException("not a port number (1-65535)");
    }
    return p;
  }

  static int integer(String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a whole number");
    }
  }

  static int positive(String text) {
    int v = integer(text);
    if (v < 1) {
      throw new IllegalArgumentException("must be at least 1");
    }
    return v;
  }

  static double positiveDecimal(String text) {
    double v = decimal(text);
    if (!(v > 0)) {
      throw new IllegalArgumentException("must be a number above 0");
    }
    return v;
  }

  static double nonNegativeDecimal(String text) {
    double v = decimal(text);
    if (!(v >= 0)) {
      throw new IllegalArgumentException("must be a number, 0 or more");
    }
    return v;
  }

  /** A finite number (NaN passes through, for the callers' comparisons to refuse). */
  private static double decimal(String text) {
    double v;
    try {
      v = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number");
    }
    if (Double.isInfinite(v)) {
      throw new IllegalArgumentException("must be a finite number");
    }
    return v;
  }

  /** {@code 64MB}, {@code 512KB}, {@code 1GB} (powers of 1,024; also {@code 64m}, {@code 1g}) or bytes. */
  static long bytes(String text) {
    Matcher m = BYTES.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a size such as 64MB, 512KB or 1GB");
    }
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("too large");
    }
    String unit = m.group(2) == null ? "" : m.group(2);
    int shift = switch (unit.isEmpty() ? ' ' : unit.charAt(0)) {
      case 'k' -> 10;
      case 'm' -> 20;
      case 'g' -> 30;
      default -> 0;
    };
    if (n > (Long.MAX_VALUE >> shift)) {
      throw new IllegalArgumentException("too large");
    }
    return n << shift;
  }

  static boolean bool(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("true") || t.equals("yes") || t.equals("on")) {
      return true;
    }
    if (t.equals("false") || t.equals("no") || t.equals("off")) {
      return false;
    }
    throw new IllegalArgumentException("not true or false");
  }

  /** {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}, {@code 7d}, a bare number of seconds, or ISO-8601 {@code PT10S}. */
  static Duration duration(String text) {
    String t = text.trim();
    if (t.regionMatches(true, 0, "P", 0, 1)) {
      try {
        return positiveDuration(Duration.parse(t.toUpperCase(Locale.ROOT)));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("not a duration (e.g. 10s, 5m, 1h, PT10S)");
      }
    }
    Matcher m = DURATION.matcher(t.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a duration (e.g. 10s, 5m, 1h, PT10S)");
    }
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("duration too large");
    }
    String unit = m.group(2) == null ? "s" : m.group(2);
    Duration d = switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> throw new AssertionError(unit);
    };
    return positiveDuration(d);
  }

  private static Duration positiveDuration(Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("must be longer than zero");
    }
    return d;
  }

  /** A comma-separated list (environment variables) or a YAML list joined by the loader with commas. */
  static List<String> list(String text) {
    List<String> out = new ArrayList<>();
    for (String part : text.split(",")) {
      String p = part.trim();
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return List.copyOf(out);
  }

  static String nonBlank(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("must not be empty");
    }
    return text.trim();
  }
}
