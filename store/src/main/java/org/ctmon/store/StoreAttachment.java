package org.ctmon.store;

import org.jdbi.v3.core.Jdbi;

/**
 * Something a package of the store keeps beside each open store (the H2 name filters of
 * {@code store.issuance}). {@link Store} finds them with {@link java.util.ServiceLoader}, listed in
 * {@code META-INF/services}, so the root package names none of the packages that build on it.
 */
public interface StoreAttachment {
  /** The store that owns a pool on {@code url} opened it; define what its handles need on {@code jdbi}. */
  void opened(String url, Vendor vendor, Jdbi jdbi);

  /** That store closed; let go of what {@link #opened} kept. */
  void closed(String url, Vendor vendor);
}
