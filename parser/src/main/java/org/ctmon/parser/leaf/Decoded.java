package org.ctmon.parser.leaf;

import java.util.Objects;

/** A successfully decoded entry. */
public record Decoded(LogEntry entry) implements EntryDecoding {
  public Decoded {
    Objects.requireNonNull(entry, "entry");
  }

  @Override
  public long index() {
    return entry.index();
  }
}
