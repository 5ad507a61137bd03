package org.ctmon.fetcher.loglist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.ctmon.parser.Sha256;

/**
 * Which logs of a list to follow. A log is followed when it passes every rule:
 *
 * <ol>
 *   <li>its log id is not in {@code excludeIds} and no {@code exclude} pattern matches it;
 *   <li>when {@code include} or {@code includeIds} is non-empty, one of them matches it;
 *   <li>its status is in {@code states}, or it has no state and {@code followStateless} is set
 *       (Chrome gives its test and monitoring-only logs no state, so following them takes both
 *       {@code followStateless} and their log type);
 *   <li>its log type is in {@code logTypes};
 *   <li>when {@code skipEndedIntervals}, its temporal interval (if any) has not ended.
 * </ol>
 *
 * <p>Name patterns match the log's description or its operator's name, case-insensitive: with
 * {@code *} or {@code ?} as a glob over the whole name ({@code "*2026h2*"}), otherwise as a
 * substring ({@code "argon"}). Defaults ({@link #defaults()}): states usable, qualified, readonly;
 * no stateless logs; prod logs only; no include or exclude; ended intervals followed (a monitor still catches up on a
 * log whose shard is over). Immutable.
 */
public record LogSelection(
    Set<ListStatus> states,
    boolean followStateless,
    Set<LogType> logTypes,
    List<String> include,
    List<String> exclude,
    Set<Sha256> includeIds,
    Set<Sha256> excludeIds,
    boolean skipEndedIntervals) {

  public LogSelection {
    states = Set.copyOf(states);
    logTypes = Set.copyOf(logTypes);
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    includeIds = Set.copyOf(includeIds);
    excludeIds = Set.copyOf(excludeIds);
    include.forEach(NamePattern::of);
    exclude.forEach(NamePattern::of);
  }

  /** Usable, qualified and read-only prod logs; nothing included or excluded by name or id; ended intervals kept. */
  public static LogSelection defaults() {
    return new LogSelection(EnumSet.of(ListStatus.USABLE, ListStatus.QUALIFIED, ListStatus.READONLY), false,
        Set.of(LogType.PROD), List.of(), List.of(), Set.of(), Set.of(), false);
  }

  /**
   * Parses a log id as configuration and the log list write it (standard base64 of 32 bytes), for
   * {@code includeIds} and {@code excludeIds}; throws {@link IllegalArgumentException} naming the text.
   */
  public static Sha256 logId(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      bytes = new byte[0];
    }
    if (bytes.length != Sha256.LENGTH) {
      throw new IllegalArgumentException("log id \"" + base64 + "\" is not 32 bytes of base64");
    }
    return Sha256.wrap(bytes);
  }

  public LogSelection withStates(Set<ListStatus> states) {
    return new LogSelection(states, followStateless, logTypes, include, exclude, includeIds, excludeIds, skipEndedIntervals);
  }

  public LogSelection withFollowStateless(boolean follow) {
    return new LogSelection(states, follow, logTypes, include, exclude, includeIds, excludeIds, skipEndedIntervals);
  }

  public LogSelection withLogTypes(Set<LogType> logTypes) {
    return new LogSelection(states, followStateless, logTypes, include, exclude, includeIds, excludeIds, skipEndedIntervals);
  }

  public LogSelection withInclude(List<String> include) {
    return new LogSelection(states, followStateless, logTypes, include, exclude, includeIds, excludeIds, skipEndedIntervals);
  }

  public LogSelection withExclude(List<String> exclude) {
    return new LogSelection(states, followStateless, logTypes, include, exclude, includeIds, excludeIds, skipEndedIntervals);
  }

  public LogSelection withIncludeIds(Set<Sha256> includeIds) {
    return new LogSelection(states, followStateless, logTypes, include, exclude, includeIds, excludeIds, skipEndedIntervals);
  }

  public LogSelection withExcludeIds(Set<Sha256> excludeIds) {
    return new LogSelection(states, followStateless, logTypes, include, exclude, includeIds, excludeIds, skipEndedIntervals);
  }

  public LogSelection withSkipEndedIntervals(boolean skip) {
    return new LogSelection(states, followStateless, logTypes, include, exclude, includeIds, excludeIds, skip);
  }

  /**
   * Applies the rules to {@code list}. {@code now} (from the caller's {@code Clock}) is used only
   * for {@code skipEndedIntervals}.
   */
  public SelectedLogs select(LogList list, Instant now) {
    Objects.requireNonNull(now, "now");
    List<NamePattern> includes = include.stream().map(NamePattern::of).collect(Collectors.toList());
    List<NamePattern> excludes = exclude.stream().map(NamePattern::of).collect(Collectors.toList());
    List<CtLog> followed = new ArrayList<>();
    List<SkippedLog> skipped = new ArrayList<>(list.skipped());
    for (CtLog log : list.logs()) {
      String reason = reasonToSkip(log, includes, excludes, now);
      if (reason == null) {
        followed.add(log);
      } else {
        skipped.add(SkippedLog.of(log, reason));
      }
    }
    return new SelectedLogs(followed, skipped);
  }

  /** Why {@code log} is not followed, or null when it is. */
  private String reasonToSkip(CtLog log, List<NamePattern> includes, List<NamePattern> excludes, Instant now) {
    if (excludeIds.contains(log.logId())) {
      return "excluded by log id " + log.logId().base64();
    }
    for (NamePattern p : excludes) {
      if (p.matches(log)) {
        return "excluded by name pattern \"" + p.text() + "\"";
      }
    }
    if ((!includes.isEmpty() || !includeIds.isEmpty())
        && !includeIds.contains(log.logId())
        && includes.stream().noneMatch(p -> p.matches(log))) {
      return "not matched by any include pattern or id";
    }
    if (log.state().isEmpty()) {
      if (!followStateless) {
        return "the list gives no state and stateless logs are not followed";
      }
    } else if (!states.contains(log.state().get().status())) {
      return "state " + log.state().get().status() + " is not followed (following " + sortedNames(states) + ")";
    }
    if (!logTypes.contains(log.logType())) {
      return "log type " + log.logType() + " is not followed (following " + sortedNames(logTypes) + ")";
    }
    if (skipEndedIntervals && log.temporalInterval().isPresent()
        && log.temporalInterval().get().endedBefore(now)) {
      return "temporal interval ended " + log.temporalInterval().get().endExclusive();
    }
    return null;
  }

  private static String sortedNames(Set<?> set) {
    return set.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
  }
}
