package org.ctmon.fetcher.follow;

import java.util.Objects;
import java.util.Optional;
import org.ctmon.parser.CtmonException;
import org.ctmon.parser.treehead.TreeHead;

/**
 * A log served data that cannot be true: a root the entries do not reproduce, or two heads that
 * cannot both be. Carries the kind and both heads; the follower stores them as an incident and stops
 * the log.
 */
final class LogMisbehaviourException extends CtmonException {
  private final LogIncident kind;
  private final TreeHead headA;
  private final TreeHead headB;

  /**
   * @param headA the head trusted so far (the verified one), or null
   * @param headB the head that contradicts it
   */
  LogMisbehaviourException(LogIncident kind, String detail, TreeHead headA, TreeHead headB) {
    super(detail);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.headA = headA;
    this.headB = Objects.requireNonNull(headB, "headB");
  }

  LogIncident kind() {
    return kind;
  }

  Optional<TreeHead> headA() {
    return Optional.ofNullable(headA);
  }

  TreeHead headB() {
    return headB;
  }
}
