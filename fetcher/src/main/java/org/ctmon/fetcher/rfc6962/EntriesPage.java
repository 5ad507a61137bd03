package org.ctmon.fetcher.rfc6962;

import java.util.List;
import org.ctmon.parser.leaf.EntryDecoding;

/**
 * What one {@code get-entries} call returned: the entries from {@code start} on, decoded, in index
 * order. RFC 6962 logs may return fewer entries than asked (§4.6); the caller asks again from
 * {@link #next()} for the rest.
 *
 * @param start index of the first entry
 * @param entries at least one; entry {@code k} has index {@code start + k}
 */
public record EntriesPage(long start, List<EntryDecoding> entries) {
  public EntriesPage {
    if (start < 0) {
      throw new IllegalArgumentException("page start " + start + " is negative");
    }
    entries = List.copyOf(entries);
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("a page has at least one entry");
    }
    for (int k = 0; k < entries.size(); k++) {
      if (entries.get(k).index() != start + k) {
        throw new IllegalArgumentException("entry " + k + " of the page at " + start + " has index "
            + entries.get(k).index() + ", not " + (start + k));
      }
    }
  }

  /** Index of the last entry. */
  public long end() {
    return start + entries.size() - 1;
  }

  /** Index of the first entry not in this page. */
  public long next() {
    return start + entries.size();
  }

  /** Number of entries. */
  public int size() {
    return entries.size();
  }
}
