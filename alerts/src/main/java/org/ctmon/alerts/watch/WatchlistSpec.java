package org.ctmon.alerts.watch;

import java.util.List;
import java.util.Objects;

/**
 * A watch list as its owner writes it ({@code POST /api/v1/watchlists}).
 *
 * @param name the owner's name for it, unique per account, 1..200 characters
 * @param items what is watched: {@code .example.com} (name and subdomains), {@code www.example.org},
 *     {@code 192.0.2.0/24}; stored as given, interpreted by the matcher
 * @param expectedIssuers issuers that are expected ({@code letsencrypt.org}, {@code sha256:<spki hex>})
 * @param knownKeys SPKI SHA-256 hex of keys that are expected
 * @param lookalikes whether lookalike names are reported
 * @param neverIssue names that must never get a certificate (watch-item syntax): always unexpected
 * @param alertHistory whether what was already stored when the list was saved alerts too
 */
public record WatchlistSpec(String name, List<String> items, List<String> expectedIssuers, List<String> knownKeys,
                            boolean lookalikes, List<String> neverIssue, boolean alertHistory) {
  public WatchlistSpec {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("a watch list name has 1..200 characters");
    }
    items = List.copyOf(items);
    expectedIssuers = List.copyOf(expectedIssuers);
    knownKeys = List.copyOf(knownKeys);
    neverIssue = List.copyOf(neverIssue);
    for (List<String> l : List.of(items, expectedIssuers, knownKeys, neverIssue)) {
      for (String s : l) {
        if (s.isEmpty() || s.length() > 300) {
          throw new IllegalArgumentException("a watch list entry has 1..300 characters");
        }
      }
    }
  }

  /** A watch list without never-issue names that does not alert on history. */
  public WatchlistSpec(String name, List<String> items, List<String> expectedIssuers, List<String> knownKeys,
                       boolean lookalikes) {
    this(name, items, expectedIssuers, knownKeys, lookalikes, List.of(), false);
  }
}
