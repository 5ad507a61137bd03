package org.ctmon.store.issuance;

import org.ctmon.store.StoreAttachment;
import org.ctmon.store.Vendor;
import org.jdbi.v3.core.Jdbi;

/** Opens an H2 store's {@link NameFilters} with it and releases them when it closes. */
public final class NameFilterAttachment implements StoreAttachment {
  @Override
  public void opened(String url, Vendor vendor, Jdbi jdbi) {
    if (vendor == Vendor.H2) {
      jdbi.define(NameFilters.JDBI_ATTRIBUTE, NameFilters.open(url, jdbi));
    }
  }

  @Override
  public void closed(String url, Vendor vendor) {
    if (vendor == Vendor.H2) {
      NameFilters.release(url);
    }
  }
}
