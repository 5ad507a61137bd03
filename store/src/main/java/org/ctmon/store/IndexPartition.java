package org.ctmon.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The ingest-order partition that leads every random search key (names, IPs, certificate and key
 * hashes, serials): on H2 {@code part = issuance id / IDS_PER_PARTITION}, on PostgreSQL always 0.
 *
 * <p>Why: H2 rewrites every index page a commit dirtied. Random keys spread over an index of
 * millions dirty one page per key; confined to the newest partition, a batch's keys share a few
 * thousand pages. That took H2 ingest from a few thousand to well over ten thousand issuances per
 * second (docs/benchmarks.md). Searches pay one index descent per partition, so PostgreSQL, which
 * updates pages in place and holds billions of names, keeps a single partition. See
 * {@code V3__search_index_partitions.sql}.
 */
public final class IndexPartition {
  /** Issuance ids per partition on H2. */
  public static final long IDS_PER_PARTITION = 32_768;

  private IndexPartition() {}

  /** The partition an issuance with this id is stored in. */
  public static long of(Vendor vendor, long issuanceId) {
    return vendor == Vendor.H2 ? issuanceId / IDS_PER_PARTITION : 0;
  }

  /** Every partition from {@code minPart} to {@code maxPart}, oldest first; empty if none. */
  public static List<Long> between(long minPart, long maxPart) {
    List<Long> parts = new ArrayList<>();
    for (long p = minPart; p <= maxPart; p++) {
      parts.add(p);
    }
    return parts;
  }
}
