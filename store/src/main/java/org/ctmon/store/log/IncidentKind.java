package org.ctmon.store.log;

import org.ctmon.store.SqlName;

/** The ways a log can be caught misbehaving. */
public enum IncidentKind implements SqlName {
  BAD_SIGNATURE,
  ROOT_MISMATCH,
  SPLIT_VIEW,
  INCONSISTENT;

  /** The kind stored as {@code sql}. */
  public static IncidentKind of(String sql) {
    return SqlName.of(IncidentKind.class, sql, "incident kind");
  }
}
