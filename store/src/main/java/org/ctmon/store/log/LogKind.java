package org.ctmon.store.log;

import org.ctmon.store.SqlName;

/** How a log is read: the RFC 6962 JSON API ({@code rfc6962}), or static-ct-api tiles ({@code static}). */
public enum LogKind implements SqlName {
  RFC6962,
  STATIC;

  static LogKind of(String sql) {
    return SqlName.of(LogKind.class, sql, "log kind");
  }
}
