package org.ctmon.fetcher.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

final class StartPositionTest {
  @Test
  void parsesEndBeginningZeroAndAnEntryIndex() {
    assertEquals(StartPosition.END, StartPosition.parse(" End "));
    assertEquals(StartPosition.BEGINNING, StartPosition.parse("BEGINNING"));
    assertEquals(StartPosition.BEGINNING, StartPosition.parse("0"));
    assertEquals(new StartPosition.Index(12345), StartPosition.parse("12345"));
    assertEquals(new StartPosition.Index(Long.MAX_VALUE), StartPosition.parse(Long.toString(Long.MAX_VALUE)));
  }

  @Test
  void refusesAnythingElseNamingTheText() {
    for (String bad : new String[] {"middle", "-1", "+5", "1e3", "", "12 34"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StartPosition.parse(bad));
      assertEquals("start position \"" + bad + "\" is not end, beginning or an entry index", e.getMessage());
    }
    assertEquals("start position \"99999999999999999999\" is too large an entry index",
        assertThrows(IllegalArgumentException.class, () -> StartPosition.parse("99999999999999999999")).getMessage());
  }

  @Test
  void anIndexMustBePositive() {
    assertEquals("start index 0 is not positive (0 is the beginning)",
        assertThrows(IllegalArgumentException.class, () -> new StartPosition.Index(0)).getMessage());
  }
}
