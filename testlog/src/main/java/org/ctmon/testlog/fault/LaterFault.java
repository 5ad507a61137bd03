package org.ctmon.testlog.fault;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault that begins some time after the test log starts ({@code --fault split-view/1500@30s}).
 * Why: a monitor can only catch a split view, or a log that turns bad, if it saw the log honest
 * first; a fault present from the start is simply the log's only view.
 *
 * @param after how long after the start the fault begins (zero: from the start)
 * @param fault the fault
 */
public record LaterFault(Duration after, Fault fault) {
  public LaterFault {
    Objects.requireNonNull(fault, "fault");
    if (after.isNegative()) {
      throw new IllegalArgumentException("a fault cannot begin before the start: " + after);
    }
  }

  /** The spec it was written as: the fault's, and {@code @Ns} when it begins later. */
  public String describe() {
    return fault.describe() + (after.isZero() ? "" : "@" + after.toMillis() + "ms");
  }
}
