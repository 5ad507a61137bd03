package org.ctmon.testlog.fault;

import java.time.Duration;

/** Argument checks shared by the fault records. */
final class Checks {
  private Checks() {}

  static void positive(long v, String name) {
    if (v < 1) {
      throw new IllegalArgumentException(name + " is " + v + ", not positive");
    }
  }

  static void notNegative(Duration d, String name) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException(name + " is " + d + ", not a non-negative duration");
    }
  }
}
