package org.ctmon.parser.x509;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Decodes UTCTime and GeneralizedTime values to instants without a date-format object (the hot
 * path decodes two per certificate). Accepts what real certificates contain: seconds omitted,
 * fractional seconds, and {@code +hhmm}/{@code -hhmm} offsets instead of {@code Z}; anything
 * that is not the DER form is reported through {@code oddity}.
 */
final class AsnTime {
  private AsnTime() {}

  /** The decoded time and whether it was in strict DER form. */
  record Decoded(Instant instant, boolean strict) {}

  /** Decodes the time TLV {@code t}; throws {@link MalformedDerException} if it is not a time. */
  static Decoded decode(Tlv t, String what) {
    byte[] b = t.buf();
    int p = t.valueStart();
    int end = t.valueEnd();
    int year;
    boolean strict = true;
    if (t.tag() == Tlv.UTC_TIME) {
      int yy = digits(b, p, 2, end, what);
      year = yy < 50 ? 2000 + yy : 1900 + yy;
      p += 2;
    } else if (t.tag() == Tlv.GENERALIZED_TIME) {
      year = digits(b, p, 4, end, what);
      p += 4;
    } else {
      throw new MalformedDerException(what + ": not a time (tag " + t.tag() + ") at offset " + t.start());
    }
    int month = digits(b, p, 2, end, what);
    int day = digits(b, p + 2, 2, end, what);
    int hour = digits(b, p + 4, 2, end, what);
    int minute = digits(b, p + 6, 2, end, what);
    p += 8;
    int second = 0;
    if (p < end && isDigit(b[p])) {
      second = digits(b, p, 2, end, what);
      p += 2;
    } else {
      strict = false;
    }
    long nanos = 0;
    if (p < end && (b[p] == '.' || b[p] == ',')) {
      strict = strict && t.tag() == Tlv.GENERALIZED_TIME && b[p] == '.';
      p++;
      long scale = 100_000_000L;
      int start = p;
      while (p < end && isDigit(b[p])) {
        nanos += (b[p] - '0') * scale;
        scale /= 10;
        p++;
      }
      if (p == start) {
        throw new MalformedDerException(what + ": empty fraction at offset " + t.start());
      }
    }
    int offsetSeconds = 0;
    if (p < end && b[p] == 'Z') {
      p++;
    } else if (p < end && (b[p] == '+' || b[p] == '-')) {
      strict = false;
      int sign = b[p] == '+' ? 1 : -1;
      int oh = digits(b, p + 1, 2, end, what);
      int om = digits(b, p + 3, 2, end, what);
      offsetSeconds = sign * (oh * 3600 + om * 60);
      p += 5;
    } else {
      // no zone: read as UTC, flagged
      strict = false;
    }
    if (p != end) {
      throw new MalformedDerException(what + ": trailing bytes in time at offset " + t.start());
    }
    try {
      LocalDateTime ldt = LocalDateTime.of(year, month, day, hour == 24 ? 0 : hour, minute,
          second == 60 ? 59 : second, (int) nanos);
      Instant i = ldt.toInstant(ZoneOffset.UTC).minusSeconds(offsetSeconds);
      if (hour == 24) {
        i = i.plusSeconds(86400);
        strict = false;
      }
      return new Decoded(i, strict);
    } catch (DateTimeException e) {
      throw new MalformedDerException(what + ": impossible date at offset " + t.start());
    }
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  private static int digits(byte[] b, int p, int n, int end, String what) {
    if (p + n > end) {
      throw new MalformedDerException(what + ": time too short at offset " + p);
    }
    int v = 0;
    for (int i = 0; i < n; i++) {
      byte c = b[p + i];
      if (!isDigit(c)) {
        throw new MalformedDerException(what + ": non-digit in time at offset " + (p + i));
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
