package org.ctmon.parser.leaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

final class TlsReaderTest {
  private static final byte[] BYTES = {
      (byte) 0x01, (byte) 0x02, (byte) 0x03, (byte) 0x04, (byte) 0x05, (byte) 0x06, (byte) 0x07, (byte) 0x08,
      (byte) 0xf9, (byte) 0xfa, (byte) 0xfb, (byte) 0xfc, (byte) 0xfd, (byte) 0xfe, (byte) 0xff, (byte) 0x80};

  @Test
  void readsBigEndianUnsignedIntegersOfEveryWidth() {
    TlsReader r = new TlsReader(BYTES);
    assertEquals(0x01, r.uint8("a"));
    assertEquals(0x0203, r.uint16("b"));
    assertEquals(0x040506, r.uint24("c"));
    assertEquals(0x0708f9fafbL, r.uint40("d"));
    assertEquals(11, r.position());
    assertEquals(5, r.remaining());
    TlsReader high = new TlsReader(BYTES, 8, 16);
    assertEquals(0xf9fafbfcfdfeff80L, high.uint64("e"));
    assertEquals(0xfc, new TlsReader(BYTES, 11, 12).uint8("f"));
  }

  @Test
  void aVectorReturnsItsLengthAndBodyStart() {
    byte[] b = {0, 3, 'a', 'b', 'c', 9};
    TlsReader r = new TlsReader(b);
    assertEquals(3, r.opaque16("v", 0, 10));
    assertEquals(2, r.lastStart());
    assertEquals(5, r.position());
    assertEquals(9, r.uint8("tail"));
    r.expectEnd("s");
  }

  @Test
  void aLengthBeyondTheRegionFailsBeforeAnyAllocationAndNamesTheOffset() {
    byte[] b = {7, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2};
    TlsReader r = new TlsReader(b);
    r.uint8("x");
    TlsFormatException e = assertThrows(TlsFormatException.class, () -> r.opaque24("blob", 0, 0xffffff));
    assertEquals(MalformedKind.TRUNCATED, e.kind());
    assertEquals(1, e.offset());
    assertEquals("truncated blob at offset 1: length 16777215 exceeds the 2 bytes left", e.getMessage());
  }

  @Test
  void aLengthOutsideTheDeclaredBoundsIsBadLength() {
    TlsFormatException e = assertThrows(TlsFormatException.class,
        () -> new TlsReader(new byte[] {2, 1, 2}).opaque8("v", 3, 5));
    assertEquals(MalformedKind.BAD_LENGTH, e.kind());
    assertEquals("v at offset 0: length 2 is outside 3..5", e.getMessage());
  }

  @Test
  void theRegionLimitIsHonouredEvenWhenTheArrayGoesOn() {
    TlsReader r = new TlsReader(BYTES, 2, 4);
    TlsFormatException e = assertThrows(TlsFormatException.class, () -> r.uint24("n"));
    assertEquals("truncated n at offset 2: needs 3 bytes, 2 left", e.getMessage());
    TlsReader sub = new TlsReader(new byte[] {0, 0, 5, 0, 0, 9, 1}).sub(3, 4);
    TlsFormatException inner = assertThrows(TlsFormatException.class, () -> sub.opaque24("inner", 0, 100));
    assertEquals("truncated inner at offset 3: length 9 exceeds the 1 bytes left", inner.getMessage());
  }

  @Test
  void leftoverBytesAreTrailing() {
    TlsReader r = new TlsReader(new byte[] {1, 2, 3});
    r.uint8("a");
    TlsFormatException e = assertThrows(TlsFormatException.class, () -> r.expectEnd("thing"));
    assertEquals(MalformedKind.TRAILING_BYTES, e.kind());
    assertEquals("2 trailing bytes at offset 1 after thing", e.getMessage());
  }

  @Test
  void aFixedFieldPastTheEndIsTruncated() {
    TlsReader r = new TlsReader(new byte[10]);
    assertEquals(0, r.fixed("a", 4));
    TlsFormatException e = assertThrows(TlsFormatException.class, () -> r.fixed("issuer_key_hash", 32));
    assertEquals("truncated issuer_key_hash at offset 4: needs 32 bytes, 6 left", e.getMessage());
  }

  @Test
  void aRegionOutsideTheArrayIsAProgrammingError() {
    assertThrows(IllegalArgumentException.class, () -> new TlsReader(new byte[4], 2, 5));
    assertThrows(IllegalArgumentException.class, () -> new TlsReader(new byte[4], 3, 2));
  }
}
