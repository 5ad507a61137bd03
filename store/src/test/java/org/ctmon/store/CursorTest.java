package org.ctmon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

final class CursorTest {
  @Test
  void roundTripsThroughItsOpaqueForm() {
    Cursor c = new Cursor(1767225600000L, 42);
    Cursor back = Cursor.decode(c.encode());
    assertEquals(1767225600000L, back.time());
    assertEquals(42, back.id());
  }

  @Test
  void rejectsForeignText() {
    assertEquals("invalid cursor: unknown format",
        assertThrows(IllegalArgumentException.class, () -> Cursor.decode("AAAA")).getMessage());
    assertEquals("invalid cursor: not base64url",
        assertThrows(IllegalArgumentException.class, () -> Cursor.decode("%%")).getMessage());
  }
}
