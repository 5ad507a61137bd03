package org.ctmon.store.ingest;

import java.util.Objects;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;

/**
 * Where a log stands after a batch: every entry below {@code nextIndex} is stored, and the
 * compact Merkle range over them.
 *
 * @param nextIndex the first index not yet stored
 * @param compactRange the serialized compact range [0, nextIndex) (the parser's format)
 * @param rootHash the root of the tree of size {@code nextIndex}, or {@code null} when 0
 */
public record LogPosition(long nextIndex, OpaqueBytes compactRange, Sha256 rootHash) {
  public LogPosition {
    if (nextIndex < 0) {
      throw new IllegalArgumentException("next index must not be negative: " + nextIndex);
    }
    Objects.requireNonNull(compactRange, "compactRange");
  }
}
