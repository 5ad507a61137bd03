package org.ctmon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class SqlTextTest {
  @Test
  void plainTextIsStoredAsItIs() {
    String s = "www.example.com O=Let's Encrypt; DROP TABLE x;-- ü";
    assertSame(s, SqlText.encode(s));
  }

  @Test
  void nulBackslashAndLoneSurrogatesRoundTripAndTheStoredFormHasNoNul() {
    String[] hostile = {"a\0b", "\\", "\\0", "\\u0000", "x\ud800y", "\udc00", "\ud83d\ude00", "end\\", "\0\0\\\\0"};
    for (String s : hostile) {
      String stored = SqlText.encode(s);
      assertEquals(-1, stored.indexOf('\0'), s);
      // Encodable as UTF-8 without replacement characters.
      assertEquals(stored, new String(stored.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
      assertEquals(s, SqlText.decode(stored));
    }
  }

  @Test
  void keysAreCutTo800CharactersWithoutSplittingASurrogatePair() {
    assertEquals(800, SqlText.key("a".repeat(10_000)).length());
    String k = SqlText.key("a".repeat(799) + "\ud83d\ude00");
    assertEquals(799, k.length());
    assertTrue(SqlText.key("short").equals("short"));
  }
}
