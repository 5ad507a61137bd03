package org.ctmon.testlog.log;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.ctmon.parser.Der;

/**
 * The RFC 6962 {@code ASN.1Cert certificate_chain<0..2^24-1>} and static-ct-api fingerprint-list
 * encodings of issuer chains, computed once per chain: a test log has a handful of chains and a million entries. Chains are keyed by the
 * identity of their certificates (the PKI shares one {@link Der} per CA). Thread-safe.
 */
final class ChainVectors {
  private static final ConcurrentHashMap<Key, byte[]> CACHE = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<Key, byte[]> FINGERPRINTS = new ConcurrentHashMap<>();

  private ChainVectors() {}

  /** The encoding of {@code chain}; callers must not modify it. */
  static byte[] of(List<Der> chain) {
    return CACHE.computeIfAbsent(new Key(chain.toArray(new Der[0])), ChainVectors::encode);
  }

  /** The static-ct-api {@code Fingerprint certificate_chain<0..2^16-1>} of {@code chain}; callers must not modify it. */
  static byte[] fingerprints(List<Der> chain) {
    return FINGERPRINTS.computeIfAbsent(new Key(chain.toArray(new Der[0])), k -> {
      ByteBuffer b = ByteBuffer.allocate(2 + 32 * k.ders.length);
      b.putShort((short) (32 * k.ders.length));
      for (Der d : k.ders) {
        b.put(d.sha256().bytes());
      }
      return b.array();
    });
  }

  private static byte[] encode(Key key) {
    int inner = 0;
    for (Der d : key.ders) {
      inner += 3 + d.length();
    }
    ByteBuffer b = ByteBuffer.allocate(3 + inner);
    b.put((byte) (inner >>> 16)).putShort((short) inner);
    for (Der d : key.ders) {
      b.put((byte) (d.length() >>> 16)).putShort((short) d.length()).put(d.unsafeBytes());
    }
    return b.array();
  }

  /** A chain compared by the identity of its certificates. */
  private static final class Key {
    final Der[] ders;

    Key(Der[] ders) {
      this.ders = ders;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Key k) || k.ders.length != ders.length) {
        return false;
      }
      for (int i = 0; i < ders.length; i++) {
        if (k.ders[i] != ders[i]) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      int h = ders.length;
      for (Der d : ders) {
        h = 31 * h + System.identityHashCode(d);
      }
      return h;
    }
  }
}
