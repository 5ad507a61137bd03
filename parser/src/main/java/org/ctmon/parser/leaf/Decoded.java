package org.ctmon.parser.leaf;

import java.util.List;
import java.util.Objects;

/**
 * An entry whose leaf decoded. {@code flags} name what was wrong beside it (an RFC 6962
 * extra_data that does not decode, a tile entry's leaf_index that is missing or names another
 * position): the leaf, which the tree proves, is decoded and indexed all the same, and the flags
 * are recorded with it.
 */
public record Decoded(LogEntry entry, List<String> flags) implements EntryDecoding {
  public Decoded {
    Objects.requireNonNull(entry, "entry");
    flags = List.copyOf(flags);
  }

  /** An entry that decoded without a flag. */
  public Decoded(LogEntry entry) {
    this(entry, List.of());
  }

  @Override
  public long index() {
    return entry.index();
  }
}
