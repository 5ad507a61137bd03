package org.ctmon.store.issuance;

import java.util.Objects;

/**
 * A search result with the store's own number for it: the issuance row's id, unique in this store
 * and unchanged while the row is kept (retention may purge it), as {@code matches.issuance_id}
 * holds it. For APIs that must show a number (crt.sh's {@code id}); it means nothing elsewhere.
 *
 * @param id the issuance's id in this store, positive
 * @param summary the issuance
 */
public record NumberedIssuance(long id, IssuanceSummary summary) {
  public NumberedIssuance {
    Objects.requireNonNull(summary, "summary");
  }
}
