package org.ctmon.parser.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** UTCTime and GeneralizedTime as X.680 and RFC 5280 section 4.1.2.5 define them. */
final class AsnTimeTest {
  private static AsnTime.Decoded decode(int tag, String text) {
    byte[] v = text.getBytes(StandardCharsets.US_ASCII);
    byte[] b = new byte[v.length + 2];
    b[0] = (byte) tag;
    b[1] = (byte) v.length;
    System.arraycopy(v, 0, b, 2, v.length);
    return AsnTime.decode(Tlv.read(b, 0, b.length), "test time");
  }

  @Test
  void utcTimeYearsBelowFiftyAreThisCentury() {
    assertEquals(Instant.parse("2049-12-31T23:59:59Z"), decode(Tlv.UTC_TIME, "491231235959Z").instant());
    assertEquals(Instant.parse("1950-01-01T00:00:00Z"), decode(Tlv.UTC_TIME, "500101000000Z").instant());
    assertTrue(decode(Tlv.UTC_TIME, "500101000000Z").strict());
  }

  @Test
  void generalizedTimeWithFractionDecodes() {
    AsnTime.Decoded d = decode(Tlv.GENERALIZED_TIME, "20500101120000.5Z");
    assertEquals(Instant.parse("2050-01-01T12:00:00.500Z"), d.instant());
  }

  @Test
  void offsetsAndMissingSecondsAreAcceptedButNotStrict() {
    AsnTime.Decoded offset = decode(Tlv.UTC_TIME, "200101120000+0130");
    assertEquals(Instant.parse("2020-01-01T10:30:00Z"), offset.instant());
    assertFalse(offset.strict());
    AsnTime.Decoded noSeconds = decode(Tlv.UTC_TIME, "2001011200Z");
    assertEquals(Instant.parse("2020-01-01T12:00:00Z"), noSeconds.instant());
    assertFalse(noSeconds.strict());
    assertFalse(decode(Tlv.GENERALIZED_TIME, "20200101120000").strict());
  }

  @Test
  void garbageIsMalformed() {
    MalformedDerException e = assertThrows(MalformedDerException.class, () -> decode(Tlv.UTC_TIME, "2001X1120000Z"));
    assertEquals("test time: non-digit in time at offset 6", e.getMessage());
    assertThrows(MalformedDerException.class, () -> decode(Tlv.UTC_TIME, "201301120000Z"));
    assertThrows(MalformedDerException.class, () -> decode(Tlv.GENERALIZED_TIME, "2020"));
    assertThrows(MalformedDerException.class, () -> decode(Tlv.INTEGER, "1"));
  }
}
