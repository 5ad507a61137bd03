package org.ctmon.alerts.watch;

/** What the issuance policy of a watch list concluded about a matching issuance. */
public enum Verdict {
  EXPECTED("expected"),
  UNEXPECTED("unexpected"),
  LOOKALIKE("lookalike");

  private final String sql;

  Verdict(String sql) {
    this.sql = sql;
  }

  /** The stored and API form: {@code expected}, {@code unexpected}, {@code lookalike}. */
  public String sqlName() {
    return sql;
  }

  /** The verdict whose stored form is {@code s}. */
  public static Verdict of(String s) {
    for (Verdict v : values()) {
      if (v.sql.equals(s)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown verdict " + s);
  }
}
