package org.ctmon.store.log;

import java.util.Objects;
import java.util.Optional;
import org.ctmon.parser.Sha256;

/**
 * Misbehaviour ctmon caught a log in, with the tree heads that prove it, as the log signed them:
 * what an operator forwards to the log's operator and to browser root programs.
 *
 * @param id the incident's number
 * @param logId the log
 * @param logDescription the log list's name for it
 * @param logKind rfc6962 or static (how to read the heads' signatures)
 * @param kind what was wrong
 * @param detail what ctmon saw, in words
 * @param recordedAtMs when ctmon recorded it
 * @param headA the earlier head (for a split view, the one ctmon had verified), if any
 * @param headB the head that contradicts it, or that failed, if any
 */
public record LogIncident(long id, Sha256 logId, String logDescription, LogKind logKind, IncidentKind kind,
                          String detail, long recordedAtMs, Optional<ServedTreeHead> headA,
                          Optional<ServedTreeHead> headB) {
  public LogIncident {
    Objects.requireNonNull(logId, "logId");
    Objects.requireNonNull(headA, "headA");
    Objects.requireNonNull(headB, "headB");
  }
}
