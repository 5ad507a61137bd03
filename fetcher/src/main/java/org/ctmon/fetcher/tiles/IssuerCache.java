package org.ctmon.fetcher.tiles;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;

/**
 * A bounded least-recently-used map from issuer fingerprint to issuer certificate. A handful of
 * intermediates sign almost every entry of a log, so a small cache answers nearly every lookup.
 * Thread-safe (one lock; lookups are rare next to decoding).
 */
final class IssuerCache {
  private final Map<Sha256, Der> map;

  IssuerCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("issuer cache capacity " + capacity + " must be at least 1");
    }
    this.map = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Sha256, Der> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized Optional<Der> get(Sha256 fingerprint) {
    return Optional.ofNullable(map.get(fingerprint));
  }

  synchronized void put(Sha256 fingerprint, Der issuer) {
    map.put(fingerprint, issuer);
  }

  synchronized int size() {
    return map.size();
  }
}
