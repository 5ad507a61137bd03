package org.ctmon.store.issuance;

/** Whether a log entry holds a final certificate or a precertificate. */
public enum EntryType {
  X509("x509"),
  PRECERT("precert");

  private final String sql;

  EntryType(String sql) {
    this.sql = sql;
  }

  /** The stored and API form: {@code x509} or {@code precert}. */
  public String sqlName() {
    return sql;
  }

  /** The entry type whose stored form is {@code s}. */
  public static EntryType of(String s) {
    if (s.equals("x509")) {
      return X509;
    }
    if (s.equals("precert")) {
      return PRECERT;
    }
    throw new IllegalArgumentException("unknown entry type " + s);
  }
}
