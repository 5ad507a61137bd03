package org.ctmon.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

final class Sha256Test {
  @Test
  void digestsMatchTheKnownValueForAbc() {
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Sha256.of("abc".getBytes(StandardCharsets.US_ASCII)).hex());
  }

  @Test
  void hexRoundTripsAndComparesByValue() {
    Sha256 a = Sha256.of(new byte[] {1, 2, 3});
    assertEquals(a, Sha256.fromHex(a.hex().toUpperCase(Locale.ROOT)));
    assertNotEquals(a, Sha256.of(new byte[] {1, 2, 4}));
  }

  @Test
  void wrapRejectsAWrongLengthWithTheLengthInTheMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sha256.wrap(new byte[31]));
    assertEquals("a sha-256 digest has 32 bytes, not 31", e.getMessage());
  }

  @Test
  void wrappedBytesAreCopiedSoCallersCannotMutateAKey() {
    byte[] raw = new byte[32];
    Sha256 h = Sha256.wrap(raw);
    raw[0] = 1;
    assertEquals(0, h.bytes()[0]);
  }
}
