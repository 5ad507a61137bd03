package org.ctmon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

final class KeysetPageTest {
  @Test
  void theFirstPageHasNoCursorConditionAndReadsOneRowMoreThanItKeeps() {
    KeysetPage first = KeysetPage.of(Optional.empty(), 2, 10);
    Map<String, Object> binds = new HashMap<>();
    first.bind(binds);
    assertEquals("", first.olderThanCursor("t", "i"));
    assertEquals(Map.of(), binds);
    assertEquals(" ORDER BY t DESC, i DESC LIMIT 3", first.newestFirst("t", "i"));
  }

  @Test
  void aFullPageEndsWithTheCursorOfItsLastRowAndTheNextPageStartsStrictlyOlder() {
    List<long[]> read = List.of(new long[] {9, 300}, new long[] {8, 200}, new long[] {7, 200});
    Page<long[]> page = KeysetPage.of(Optional.empty(), 2, 10).page(read, r -> r[1], r -> r[0], Function.identity());
    assertEquals(2, page.items().size());
    assertEquals(Optional.of(new Cursor(200, 8).encode()), page.next());

    KeysetPage second = KeysetPage.of(page.next(), 2, 10);
    Map<String, Object> binds = new HashMap<>();
    second.bind(binds);
    assertEquals(" AND (t < :cTime OR (t = :cTime AND i < :cId))", second.olderThanCursor("t", "i"));
    assertEquals(Map.of("cTime", 200L, "cId", 8L), binds);
  }

  @Test
  void theLastPageHasNoNext() {
    Page<long[]> page = KeysetPage.of(Optional.empty(), 2, 10)
        .page(List.of(new long[] {1, 5}, new long[] {0, 5}), r -> r[1], r -> r[0], Function.identity());
    assertEquals(Optional.empty(), page.next());
  }

  @Test
  void aLimitOutsideItsRangeIsRejectedWithTheRange() {
    assertEquals("limit must be 1..10, not 11", assertThrows(IllegalArgumentException.class,
        () -> KeysetPage.of(Optional.empty(), 11, 10)).getMessage());
  }
}
