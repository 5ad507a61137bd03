package org.ctmon.fetcher.loglist;

import java.util.List;

/**
 * The outcome of a {@link LogSelection}: the logs to follow, in list order, and every other log of
 * the list with why it is not followed (entries the parser skipped first, then those the selection
 * left out), so the UI can show both.
 */
public record SelectedLogs(List<CtLog> followed, List<SkippedLog> skipped) {
  public SelectedLogs {
    followed = List.copyOf(followed);
    skipped = List.copyOf(skipped);
  }
}
