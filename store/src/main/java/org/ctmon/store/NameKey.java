package org.ctmon.store;

/**
 * The one-column key of a row of {@code issuance_names}: {@code issuance_id * 65536 + ordinal}.
 *
 * <p>Why one column: H2 keeps a table's rows in a B-tree keyed by its primary key only when the key
 * is a single integer; a composite key costs a second B-tree on every name written (see
 * {@code V4__single_key_names_and_entries.sql}). All names of an issuance lie in
 * [{@link #first}, {@link #end}), which is how search and retention find them.
 */
public final class NameKey {
  /** Names one issuance can have: more than any certificate carries (CAs cap SANs at a few hundred). */
  public static final int MAX_NAMES = 65536;

  private NameKey() {}

  /** The key of the issuance's name at position {@code ordinal}. */
  public static long of(long issuanceId, int ordinal) {
    if (ordinal < 0 || ordinal >= MAX_NAMES) {
      throw new IllegalArgumentException("name position " + ordinal + " is outside [0, " + MAX_NAMES + ")");
    }
    return first(issuanceId) + ordinal;
  }

  /** The key of the issuance's first name. */
  public static long first(long issuanceId) {
    return issuanceId * MAX_NAMES;
  }

  /** The key just past the issuance's last possible name. */
  public static long end(long issuanceId) {
    return first(issuanceId + 1);
  }
}
