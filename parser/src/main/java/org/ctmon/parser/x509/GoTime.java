package org.ctmon.parser.x509;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A validity time as Go's {@code encoding/asn1} writes it back after reading it, which is what a
 * log written in Go signs for a precertificate: UTCTime for the years 1950-2049 and
 * GeneralizedTime otherwise, always with seconds, {@code Z} for a zero offset and the written
 * offset otherwise ({@code YYMMDDHHMMSSZ}, {@code YYYYMMDDHHMMSS+hhmm}). The fields are the
 * written ones, never converted to UTC. Stateless.
 */
final class GoTime {
  private GoTime() {}

  /**
   * The normal TLV of the time {@code t}, or null when Go would not read it: not a time, a
   * GeneralizedTime without seconds or with a fraction, no zone, an impossible date.
   */
  static byte[] normal(Tlv t) {
    byte[] b = t.buf();
    int p = t.valueStart();
    int end = t.valueEnd();
    int year;
    if (t.tag() == Tlv.UTC_TIME && !t.indefinite()) {
      int yy = digits(b, p, 2, end);
      year = yy < 0 ? -1 : yy < 50 ? 2000 + yy : 1900 + yy;
      p += 2;
    } else if (t.tag() == Tlv.GENERALIZED_TIME && !t.indefinite()) {
      year = digits(b, p, 4, end);
      p += 4;
    } else {
      return null;
    }
    int month = digits(b, p, 2, end);
    int day = digits(b, p + 2, 2, end);
    int hour = digits(b, p + 4, 2, end);
    int minute = digits(b, p + 6, 2, end);
    p += 8;
    int second = 0;
    if (p < end && b[p] >= '0' && b[p] <= '9') {
      second = digits(b, p, 2, end);
      p += 2;
    } else if (t.tag() == Tlv.GENERALIZED_TIME) {
      return null;
    }
    if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59 || !validDate(year, month, day)) {
      return null;
    }
    String zone;
    if (p + 1 == end && b[p] == 'Z') {
      zone = "Z";
    } else if (p + 5 == end && (b[p] == '+' || b[p] == '-')) {
      int oh = digits(b, p + 1, 2, end);
      int om = digits(b, p + 3, 2, end);
      if (oh < 0 || om < 0 || om > 59) {
        return null;
      }
      zone = oh == 0 && om == 0 ? "Z" : new String(b, p, 5, StandardCharsets.US_ASCII);
    } else {
      return null;
    }
    boolean utc = year >= 1950 && year < 2050;
    String text = (utc ? two(year % 100) : String.format("%04d", year))
        + two(month) + two(day) + two(hour) + two(minute) + two(second) + zone;
    byte[] out = new byte[2 + text.length()];
    out[0] = (byte) (utc ? Tlv.UTC_TIME : Tlv.GENERALIZED_TIME);
    out[1] = (byte) text.length();
    System.arraycopy(text.getBytes(StandardCharsets.US_ASCII), 0, out, 2, text.length());
    return out;
  }

  /**
   * Whether {@code t} looks written as Go writes it (digits, {@code Z}, UTCTime exactly for the
   * years 1950-2049); the date itself is not checked, which changes nothing: an impossible date is
   * kept as written either way.
   */
  static boolean isNormal(Tlv t) {
    byte[] b = t.buf();
    int p = t.valueStart();
    int n = t.valueLength();
    boolean utc = t.tag() == Tlv.UTC_TIME && n == 13 && t.valueStart() - t.start() == 2;
    boolean generalized = t.tag() == Tlv.GENERALIZED_TIME && n == 15 && t.valueStart() - t.start() == 2;
    if (!(utc || generalized) || b[p + n - 1] != 'Z') {
      return false;
    }
    for (int i = p; i < p + n - 1; i++) {
      if (b[i] < '0' || b[i] > '9') {
        return false;
      }
    }
    return utc || digits(b, p, 4, p + n) >= 2050 || digits(b, p, 4, p + n) < 1950;
  }

  private static boolean validDate(int year, int month, int day) {
    try {
      LocalDate.of(year, month, day);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static String two(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }

  /** The {@code n} decimal digits at {@code p}, or -1 if they are not there. */
  private static int digits(byte[] b, int p, int n, int end) {
    if (p + n > end) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < n; i++) {
      byte c = b[p + i];
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
