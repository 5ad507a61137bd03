package org.ctmon.store.issuance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class InListTest {
  @Test
  void pagesOfAnySizeShareAFewStatementLengthsAndTheSameValues() {
    Set<Integer> lengths = new HashSet<>();
    for (int n = 1; n <= 100; n++) {
      List<Long> values = IntStream.range(0, n).mapToObj(i -> 1_000L + i).toList();
      List<Long> padded = InList.padded(values);
      lengths.add(padded.size());
      assertEquals(values, padded.subList(0, n), "the values first, in order");
      assertEquals(Set.copyOf(values), Set.copyOf(padded), "nothing but the values");
    }
    assertEquals(Set.of(1, 2, 4, 8, 16, 32, 64, 128), lengths);
  }
}
