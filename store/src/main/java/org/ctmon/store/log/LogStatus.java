package org.ctmon.store.log;

/** Whether a log is followed normally, failing (retrying), or stopped for misbehaviour. */
public enum LogStatus {
  OK("ok"),
  FAILING("failing"),
  STOPPED("stopped");

  private final String sql;

  LogStatus(String sql) {
    this.sql = sql;
  }

  /** The stored form. */
  public String sqlName() {
    return sql;
  }

  static LogStatus of(String s) {
    for (LogStatus v : values()) {
      if (v.sql.equals(s)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown log status " + s);
  }
}
