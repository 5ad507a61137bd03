package org.ctmon.alerts.watch;

import org.ctmon.store.SqlName;

/**
 * What the issuance policy of a watch list concluded about a matching issuance; stored and served
 * as {@code expected}, {@code unexpected}, {@code lookalike}.
 */
public enum Verdict implements SqlName {
  EXPECTED,
  UNEXPECTED,
  LOOKALIKE;

  /** The verdict whose stored form is {@code s}. */
  public static Verdict of(String s) {
    return SqlName.of(Verdict.class, s, "verdict");
  }
}
