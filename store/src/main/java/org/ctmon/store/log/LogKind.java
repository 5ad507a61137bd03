package org.ctmon.store.log;

/** How a log is read: the RFC 6962 JSON API, or static-ct-api tiles. */
public enum LogKind {
  RFC6962("rfc6962"),
  STATIC("static");

  private final String sql;

  LogKind(String sql) {
    this.sql = sql;
  }

  /** The stored form: {@code rfc6962} or {@code static}. */
  public String sqlName() {
    return sql;
  }

  static LogKind of(String s) {
    return s.equals("static") ? STATIC : RFC6962;
  }
}
