package org.ctmon.store;

import java.util.Locale;

/**
 * An enum stored as a word: its constant's name in lower case ({@code GAVE_UP} is stored as
 * {@code gave_up}), read back with {@link #of}. One mapping for every stored enum, so none writes
 * its own. Renaming a constant renames what is stored: the migrations' {@code CHECK} constraints
 * list the words, so a rename fails the store's tests until a migration follows.
 */
public interface SqlName {
  /** The stored form: the constant's name in lower case. */
  default String sqlName() {
    return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
  }

  /**
   * The constant of {@code type} stored as {@code sql}.
   *
   * @param noun what a constant is, for the error ("verdict": "unknown verdict maybe")
   * @throws IllegalArgumentException when no constant is stored as {@code sql}
   */
  static <E extends Enum<E> & SqlName> E of(Class<E> type, String sql, String noun) {
    for (E e : type.getEnumConstants()) {
      if (e.sqlName().equals(sql)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown " + noun + " " + sql);
  }
}
