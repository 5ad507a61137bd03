package org.ctmon.fetcher.tiles;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;

/**
 * A bounded least-recently-used map from issuer fingerprint (SHA-256 of the DER) to issuer
 * certificate. A handful of intermediates sign almost every entry, so a small cache answers nearly
 * every lookup; since the key is the hash of the value, one cache can be shared by the clients of
 * every log (certspotter keeps one issuer directory for all logs). Thread-safe (one lock; lookups
 * are rare next to decoding).
 */
public final class IssuerCache {
  /** Default capacity: far more issuers than all logs together use at a time. */
  public static final int DEFAULT_CAPACITY = 1024;

  private final Map<Sha256, Der> map;

  /** An empty cache holding at most {@code capacity} issuers, {@code >= 1}. */
  public IssuerCache(int capacity) {
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

  /** The issuer with this fingerprint, if cached; marks it recently used. */
  public synchronized Optional<Der> get(Sha256 fingerprint) {
    return Optional.ofNullable(map.get(fingerprint));
  }

  /**
   * Caches {@code issuer} under its fingerprint; throws {@link IllegalArgumentException} if it does
   * not hash to it, so nothing unchecked ever enters.
   */
  public synchronized void put(Sha256 fingerprint, Der issuer) {
    if (!issuer.sha256().equals(fingerprint)) {
      throw new IllegalArgumentException("issuer " + issuer.sha256().hex() + " is not " + fingerprint.hex());
    }
    map.put(fingerprint, issuer);
  }

  /** Number of issuers cached. */
  public synchronized int size() {
    return map.size();
  }
}
