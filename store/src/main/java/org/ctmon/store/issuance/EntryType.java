package org.ctmon.store.issuance;

import org.ctmon.store.SqlName;

/** Whether a log entry holds a final certificate or a precertificate: {@code x509} or {@code precert}. */
public enum EntryType implements SqlName {
  X509,
  PRECERT;

  /** The entry type whose stored form is {@code s}. */
  public static EntryType of(String s) {
    return SqlName.of(EntryType.class, s, "entry type");
  }
}
