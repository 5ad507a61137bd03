package org.ctmon.store;

import java.util.List;
import java.util.Optional;

/**
 * One page of a newest-first listing and the opaque cursor of the next page.
 *
 * @param items the rows of this page, newest first
 * @param next the cursor to pass back for the following page; empty on the last page
 */
public record Page<T>(List<T> items, Optional<String> next) {
  public Page {
    items = List.copyOf(items);
  }
}
