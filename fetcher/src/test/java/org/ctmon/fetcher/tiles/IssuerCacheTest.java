package org.ctmon.fetcher.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.junit.jupiter.api.Test;

final class IssuerCacheTest {
  private static Der der(int i) {
    return Der.of(new byte[] {0x30, 0x01, (byte) i});
  }

  @Test
  void evictsTheLeastRecentlyUsedIssuer() {
    IssuerCache cache = new IssuerCache(2);
    cache.put(der(1).sha256(), der(1));
    cache.put(der(2).sha256(), der(2));
    assertEquals(Optional.of(der(1)), cache.get(der(1).sha256())); // 1 is now the most recent
    cache.put(der(3).sha256(), der(3));
    assertEquals(Optional.empty(), cache.get(der(2).sha256()));
    assertEquals(Optional.of(der(1)), cache.get(der(1).sha256()));
    assertEquals(Optional.of(der(3)), cache.get(der(3).sha256()));
    assertEquals(2, cache.size());
  }

  @Test
  void refusesAnIssuerUnderAnotherFingerprint() {
    IssuerCache cache = new IssuerCache(2);
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> cache.put(der(1).sha256(), der(2)));
    assertEquals("issuer " + der(2).sha256().hex() + " is not " + der(1).sha256().hex(), e.getMessage());
    assertEquals(0, cache.size());
  }

  @Test
  void anUnknownFingerprintIsAbsent() {
    assertEquals(Optional.empty(), new IssuerCache(1).get(Sha256.of(new byte[0])));
  }
}
