package org.ctmon.fetcher.loglist;

import java.util.Locale;
import java.util.Optional;

/**
 * A log's lifecycle state in the log list, named as in the JSON ({@code usable}, ...).
 *
 * <p>Monitors follow {@link #QUALIFIED}, {@link #USABLE} and {@link #READONLY} logs by default (as
 * certspotter does): their SCTs count for browsers. {@link #PENDING} logs are not yet trusted,
 * {@link #RETIRED} and {@link #REJECTED} ones no longer.
 */
public enum ListStatus {
  PENDING,
  QUALIFIED,
  USABLE,
  READONLY,
  RETIRED,
  REJECTED;

  /** The name used in the JSON, lower case. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status for a JSON name ({@code "usable"}), or empty for an unknown name. */
  public static Optional<ListStatus> fromJsonName(String name) {
    for (ListStatus s : values()) {
      if (s.jsonName().equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return jsonName();
  }
}
