package org.ctmon.fetcher.rfc6962;

import java.util.ArrayList;
import java.util.List;

/**
 * An inclusive range of entry indices for one {@code get-entries} request
 * ({@code ?start=first&end=last}).
 *
 * @param first first index, {@code >= 0}
 * @param last last index, {@code >= first}
 */
public record EntryRange(long first, long last) {
  public EntryRange {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException("entry range " + first + "-" + last + " is empty or negative");
    }
  }

  /** Number of entries. */
  public long count() {
    return last - first + 1;
  }

  /**
   * The requests that fetch {@code [start, treeSize)}, at most {@code maxRanges} of them, in order.
   *
   * <p>Ranges are aligned to multiples of {@code batchSize} (certspotter does the same): every range
   * but the first starts at a multiple, and no range crosses one, so followers everywhere ask for the
   * same ranges and the logs' caches (and CDNs in front of them) hit. A log that answers with fewer
   * entries leaves the rest of a range to be asked again; planning that is the caller's.
   *
   * @param start first index wanted, {@code >= 0}
   * @param treeSize entries in the tree; nothing is planned when {@code start >= treeSize}
   * @param batchSize entries per request, {@code >= 1} (RFC 6962 logs cap pages at 32 to 1000)
   * @param maxRanges how many ranges to plan at most, {@code >= 1} (a full catch-up of a billion
   *     entries is a million ranges; plan a window and plan again)
   */
  public static List<EntryRange> plan(long start, long treeSize, int batchSize, int maxRanges) {
    if (start < 0 || treeSize < 0) {
      throw new IllegalArgumentException("start " + start + " and tree size " + treeSize + " must not be negative");
    }
    if (batchSize < 1 || maxRanges < 1) {
      throw new IllegalArgumentException("batch size " + batchSize + " and max ranges " + maxRanges
          + " must be at least 1");
    }
    List<EntryRange> out = new ArrayList<>();
    long first = start;
    while (first < treeSize && out.size() < maxRanges) {
      long untilBoundary = batchSize - first % batchSize; // to the next multiple of batchSize
      long last = first + Math.min(untilBoundary, treeSize - first) - 1;
      out.add(new EntryRange(first, last));
      first = last + 1;
    }
    return out;
  }

  @Override
  public String toString() {
    return first + "-" + last;
  }
}
