package org.ctmon.store.log;

/** The ways a log can be caught misbehaving. */
public enum IncidentKind {
  BAD_SIGNATURE("bad_signature"),
  ROOT_MISMATCH("root_mismatch"),
  SPLIT_VIEW("split_view"),
  INCONSISTENT("inconsistent");

  private final String sql;

  IncidentKind(String sql) {
    this.sql = sql;
  }

  /** The stored form. */
  public String sqlName() {
    return sql;
  }

  /** The kind stored as {@code sql}. */
  public static IncidentKind fromSqlName(String sql) {
    for (IncidentKind k : values()) {
      if (k.sql.equals(sql)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown incident kind '" + sql + "'");
  }
}
