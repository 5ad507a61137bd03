package org.ctmon.fetcher.loglist;

import java.util.Objects;
import java.util.Optional;
import org.ctmon.parser.Sha256;

/**
 * A log that ctmon does not follow, and why: either the list entry could not be used (a missing
 * field, a log id that is not the hash of the key) or the {@link LogSelection} left it out.
 *
 * @param operator the operator's name as the list gives it, or its path ({@code operators[3]}) when it has none
 * @param description the log's description, or {@code "(no description)"}
 * @param logId the log id the list claims, when it is a well-formed 32-byte value
 * @param reason lower-case text for people ("state retired is not followed")
 */
public record SkippedLog(String operator, String description, Optional<Sha256> logId, String reason) {
  public SkippedLog {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(logId, "logId");
    Objects.requireNonNull(reason, "reason");
  }

  /** A log that is valid but not selected. */
  static SkippedLog of(CtLog log, String reason) {
    return new SkippedLog(log.operator(), log.description(), Optional.of(log.logId()), reason);
  }
}
