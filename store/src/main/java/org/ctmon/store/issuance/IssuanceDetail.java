package org.ctmon.store.issuance;

import java.util.List;

/**
 * One issuance with every log entry of it (precertificate and final, every log), for
 * {@code GET /api/v1/certs/{tbs_sha256}}.
 *
 * @param summary the issuance
 * @param entries its entries, oldest first
 * @param hasDer whether its DER is stored ({@link IssuanceSearch#der})
 * @param derIsPrecert whether the stored DER is the precertificate's
 */
public record IssuanceDetail(IssuanceSummary summary, List<EntryRef> entries, boolean hasDer, boolean derIsPrecert) {
  public IssuanceDetail {
    entries = List.copyOf(entries);
  }
}
