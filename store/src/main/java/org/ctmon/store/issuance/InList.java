package org.ctmon.store.issuance;

import java.util.ArrayList;
import java.util.List;

/**
 * The values of an {@code IN (...)} list, padded to a few lengths so that the statement text
 * repeats: the database parses a statement once per text and session, and a page of 1 to 100
 * results would otherwise be up to 100 texts. The padding repeats the last value, which changes
 * no answer of {@code IN}.
 */
final class InList {
  private InList() {}

  /** {@code values} (not empty) padded to the next power of two, or left as they are beyond 1,024. */
  static <T> List<T> padded(List<T> values) {
    int n = values.size();
    if (n == 0 || n > 1024 || Integer.bitCount(n) == 1) {
      return values;
    }
    int size = Integer.highestOneBit(n) << 1;
    List<T> out = new ArrayList<>(size);
    out.addAll(values);
    T last = values.get(n - 1);
    while (out.size() < size) {
      out.add(last);
    }
    return out;
  }
}
