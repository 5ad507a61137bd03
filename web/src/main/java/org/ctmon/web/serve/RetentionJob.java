package org.ctmon.web.serve;

import java.time.Duration;
import org.ctmon.store.retention.Purge;
import org.ctmon.store.retention.TreeHeadPurge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hourly retention run: issuances older than {@code retention.window} (matched ones stay) and
 * tree heads older than {@code retention.treeHeads} (evidence and verified heads stay). Each purge
 * runs on its own: one failing (a match or an incident arriving mid-batch) skips only itself, and
 * the next hour tries again.
 */
final class RetentionJob implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

  private final Purge issuances;
  private final TreeHeadPurge treeHeads;
  private final Duration window;
  private final Duration treeHeadWindow;

  RetentionJob(Purge issuances, TreeHeadPurge treeHeads, Duration window, Duration treeHeadWindow) {
    this.issuances = issuances;
    this.treeHeads = treeHeads;
    this.window = window;
    this.treeHeadWindow = treeHeadWindow;
  }

  @Override
  public void run() {
    try {
      long removed = issuances.purge();
      if (removed > 0) {
        LOG.info("retention: removed {} issuances older than {}", removed, window);
      }
    } catch (RuntimeException e) {
      LOG.warn("retention: purging issuances stopped for this hour: {}", e.getMessage());
    }
    try {
      long heads = treeHeads.purge();
      if (heads > 0) {
        LOG.info("retention: removed {} tree heads older than {} (evidence and verified heads stay)", heads,
            treeHeadWindow);
      }
    } catch (RuntimeException e) {
      LOG.warn("retention: purging tree heads stopped for this hour: {}", e.getMessage());
    }
  }
}
