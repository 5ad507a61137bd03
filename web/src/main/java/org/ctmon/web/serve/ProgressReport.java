package org.ctmon.web.serve;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.ctmon.fetcher.follow.FollowerStatus;
import org.ctmon.parser.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line a minute while logs are moving: how many entries were stored since the last line, how
 * many logs are caught up and which is furthest behind. Silent when nothing moved, so a quiet
 * monitor keeps a quiet log.
 */
final class ProgressReport implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ProgressReport.class);

  private final Supplier<List<FollowerStatus>> statuses;
  private final Map<Sha256, Long> lastPositions = new HashMap<>();

  ProgressReport(Supplier<List<FollowerStatus>> statuses) {
    this.statuses = statuses;
  }

  @Override
  public synchronized void run() {
    List<FollowerStatus> all = statuses.get();
    long stored = 0;
    int caughtUp = 0;
    FollowerStatus furthest = null;
    for (FollowerStatus s : all) {
      Long before = lastPositions.put(s.logId(), s.position());
      if (before != null && s.position() > before) {
        stored += s.position() - before;
      }
      if (s.latestHead().isPresent() && s.lag() == 0) {
        caughtUp++;
      }
      if (s.lag() > 0 && (furthest == null || s.lag() > furthest.lag())) {
        furthest = s;
      }
    }
    if (stored == 0) {
      return;
    }
    LOG.info("stored {} entries since the last report; {} of {} logs caught up{}", stored, caughtUp, all.size(),
        furthest == null ? "" : "; furthest behind: " + furthest.description() + " (" + furthest.lag() + " entries)");
  }
}
