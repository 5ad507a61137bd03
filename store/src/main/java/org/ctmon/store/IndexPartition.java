package org.ctmon.store;

/**
 * The ingest-order partition that leads every random search key (names, IPs, certificate and key
 * hashes, serials): on H2 {@code part = issuance id / IDS_PER_PARTITION}, on PostgreSQL always 0.
 *
 * <p>Why: H2 rewrites every index page a commit dirtied. Random keys spread over an index of
 * millions dirty one page per key; confined to the newest partition, a batch's keys share a few
 * hundred pages. That made H2 ingest several times faster (docs/benchmarks.md). Searches
 * pay one index descent per partition, so PostgreSQL, which updates pages in place and holds
 * billions of names, keeps a single partition. See {@code V3__search_index_partitions.sql}.
 */
public final class IndexPartition {
  /**
   * Issuance ids per partition on H2 (ids are dense: one per issuance, plus the ids of sightings
   * that turned out to be stored already). Fewer ids per partition ingest faster and search slower
   * (more partitions to descend), more ids the reverse; docs/benchmarks.md has the measurements.
   */
  public static final long IDS_PER_PARTITION = 4096;

  private IndexPartition() {}

  /** The partition an issuance with this id is stored in. */
  public static long of(Vendor vendor, long issuanceId) {
    return vendor == Vendor.H2 ? issuanceId / IDS_PER_PARTITION : 0;
  }
}
