package org.ctmon.web.serve;

import java.util.Locale;
import java.util.Optional;
import org.ctmon.store.H2FileCompaction;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the operator when the embedded H2 file has grown well past its live data, and how to give
 * the space back ({@code ctmon compact}). H2 never shrinks the file by itself while ctmon runs;
 * without this an operator learns it from a full disk.
 */
final class DiskSpaceReport implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(DiskSpaceReport.class);
  /** Below this much to gain, compaction is not worth a restart. */
  static final long WORTH_COMPACTING_BYTES = 256L * 1024 * 1024;

  private final Jdbi jdbi;
  private final long threshold;

  /** A report on the store behind {@code jdbi} when compaction would give back {@code threshold} bytes or more. */
  DiskSpaceReport(Jdbi jdbi, long threshold) {
    this.jdbi = jdbi;
    this.threshold = threshold;
  }

  @Override
  public void run() {
    advice().ifPresent(LOG::warn);
  }

  /** The advice to log, if compaction would give back at least the threshold. */
  Optional<String> advice() {
    return H2FileCompaction.measure(jdbi)
        .filter(u -> u.reclaimableBytes() >= threshold)
        .map(u -> String.format(Locale.ROOT,
            "the H2 file %s is %.1f GB and at most %d%% of it is live data: stop ctmon and run `ctmon compact`"
                + " (same configuration) to give at least %.1f GB back to the disk", u.file(), u.bytes() / 1e9,
            u.livePercent(), u.reclaimableBytes() / 1e9));
  }
}
