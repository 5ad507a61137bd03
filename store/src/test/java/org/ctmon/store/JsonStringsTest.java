package org.ctmon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

final class JsonStringsTest {
  @Test
  void roundTripsHostileStrings() {
    List<String> l = List.of("", "a\"b", "\\", "\0\n\t", "ü\ud83d\ude00", "'; DROP TABLE x;--", "]");
    assertEquals(l, JsonStrings.decode(JsonStrings.encode(l)));
    assertEquals(List.of(), JsonStrings.decode(JsonStrings.encode(List.of())));
  }

  @Test
  void writesStandardJson() {
    assertEquals("[\"a\",\"\\\"\",\"\\u0000\",\"\\u00fc\"]", JsonStrings.encode(List.of("a", "\"", "\0", "ü")));
    assertEquals(List.of("x", "y"), JsonStrings.decode(" [ \"x\" , \"y\" ] "));
  }

  @Test
  void rejectsWhatIsNotAnArrayOfStrings() {
    StoreException e = assertThrows(StoreException.class, () -> JsonStrings.decode("{\"a\":1}"));
    assertEquals("invalid json string array: expected '[' at offset 0", e.getMessage());
  }
}
