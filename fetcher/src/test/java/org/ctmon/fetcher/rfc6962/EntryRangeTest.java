package org.ctmon.fetcher.rfc6962;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

final class EntryRangeTest {
  @Test
  void theFirstRangeRunsToTheNextMultipleOfTheBatchAndTheRestAreAligned() {
    assertEquals(List.of(new EntryRange(1000, 1023), new EntryRange(1024, 1279), new EntryRange(1280, 1535),
        new EntryRange(1536, 1599)), EntryRange.plan(1000, 1600, 256, 100));
  }

  @Test
  void anAlignedStartGivesWholeBatchesAndAShortLastOne() {
    assertEquals(List.of(new EntryRange(0, 999), new EntryRange(1000, 1999), new EntryRange(2000, 2499)),
        EntryRange.plan(0, 2500, 1000, 100));
  }

  @Test
  void stopsAtMaxRanges() {
    assertEquals(List.of(new EntryRange(5, 31), new EntryRange(32, 63)), EntryRange.plan(5, 1_000_000_000L, 32, 2));
  }

  @Test
  void nothingIsPlannedWhenCaughtUp() {
    assertEquals(List.of(), EntryRange.plan(1600, 1600, 256, 10));
    assertEquals(List.of(), EntryRange.plan(1700, 1600, 256, 10));
  }

  @Test
  void aBatchOfOneIsOneEntryPerRange() {
    assertEquals(List.of(new EntryRange(7, 7), new EntryRange(8, 8)), EntryRange.plan(7, 9, 1, 10));
  }

  @Test
  void worksAtTheTopOfTheIndexSpace() {
    long max = Long.MAX_VALUE;
    assertEquals(List.of(new EntryRange(max - 3, max - 1)), EntryRange.plan(max - 3, max, 1000, 10));
  }

  @Test
  void rangesPrintAsTheyAppearInMessages() {
    assertEquals("1000-1255", new EntryRange(1000, 1255).toString());
    assertEquals(256, new EntryRange(1000, 1255).count());
  }

  @Test
  void rejectsNonsense() {
    assertEquals("batch size 0 and max ranges 1 must be at least 1",
        assertThrows(IllegalArgumentException.class, () -> EntryRange.plan(0, 10, 0, 1)).getMessage());
    assertEquals("start -1 and tree size 10 must not be negative",
        assertThrows(IllegalArgumentException.class, () -> EntryRange.plan(-1, 10, 10, 1)).getMessage());
  }
}
