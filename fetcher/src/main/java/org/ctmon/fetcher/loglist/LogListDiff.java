package org.ctmon.fetcher.loglist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctmon.parser.Sha256;

/**
 * What changed between two sets of logs, keyed by log id: logs added, removed, and changed (any
 * field, state changes among them).
 *
 * <p>Apply it to whole lists to report changes, or to two {@link SelectedLogs#followed()} lists to
 * learn which followers to start ({@code added}), stop ({@code removed}) and reconfigure
 * ({@code changed}).
 */
public record LogListDiff(List<CtLog> added, List<CtLog> removed, List<LogChange> changed) {
  public LogListDiff {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
  }

  /** The difference from {@code before} to {@code after}; order follows {@code after}, then {@code before}. */
  public static LogListDiff between(Collection<CtLog> before, Collection<CtLog> after) {
    Map<Sha256, CtLog> old = new LinkedHashMap<>();
    before.forEach(l -> old.put(l.logId(), l));
    List<CtLog> added = new ArrayList<>();
    List<LogChange> changed = new ArrayList<>();
    for (CtLog now : after) {
      CtLog was = old.remove(now.logId());
      if (was == null) {
        added.add(now);
      } else if (!was.equals(now)) {
        changed.add(new LogChange(was, now));
      }
    }
    return new LogListDiff(added, new ArrayList<>(old.values()), changed);
  }

  /** The changes whose state differs. */
  public List<LogChange> stateChanges() {
    return changed.stream().filter(LogChange::stateChanged).toList();
  }

  /** True when nothing was added, removed or changed. */
  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }
}
