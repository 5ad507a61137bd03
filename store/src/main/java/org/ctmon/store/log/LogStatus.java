package org.ctmon.store.log;

import org.ctmon.store.SqlName;

/** Whether a log is followed normally, failing (retrying), or stopped for misbehaviour. */
public enum LogStatus implements SqlName {
  OK,
  FAILING,
  STOPPED;

  static LogStatus of(String sql) {
    return SqlName.of(LogStatus.class, sql, "log status");
  }
}
