package org.ctmon.store.issuance;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A Bloom filter over the name keys of one index partition: whether the partition may hold a name
 * with a given key, or a name under a given domain. A name search asks it before descending into
 * the partition, so a search over hundreds of partitions descends into the few that can answer.
 *
 * <p>It answers on the very strings the SQL compares ({@link org.ctmon.store.ReversedName#key}):
 * a stored key is recorded as itself (for the equality branches) and as each of its prefixes that
 * ends before a {@code '.'} (a subdomain range {@code [P + ".", P + "/")} holds exactly the keys
 * that start with {@code P + "."}). So "no" is always right; "maybe" is wrong about 1% of the time.
 * Thread safe: bits are set and read through an {@link AtomicLongArray}, so a search that sees a
 * committed row also sees the bits set before its commit.
 *
 * <p>Blocked: all probes of one hash fall in one block of 512 bits (one cache line), so asking
 * hundreds of partitions costs one memory miss each rather than one per probe. A search hashes
 * its key once ({@link #exactHash}, {@link #underHash}) and asks every partition with the hash.
 */
final class NameFilter {
  private static final int PROBES = 7;
  /** Words per block: 8 longs, 512 bits, one cache line; a probe takes 9 bits of the hash. */
  private static final int BLOCK_WORDS = 8;
  private static final long EXACT = 0x9E3779B97F4A7C15L;
  private static final long UNDER = 0xC2B2AE3D27D4EB4FL;

  private final AtomicLongArray words;
  private final int blockMask;

  /** A filter of {@code 2^log2Bits} bits (at least one block of 512). */
  NameFilter(int log2Bits) {
    int bits = Math.max(9, log2Bits);
    this.words = new AtomicLongArray(1 << (bits - 6));
    this.blockMask = (1 << (bits - 9)) - 1;
  }

  /** A filter sized for about {@code keys} recorded hashes at 10 bits each (about 1% false "maybe"). */
  static NameFilter sizedFor(long keys) {
    long bits = Math.max(64, keys * 10);
    return new NameFilter(Math.min(30, 64 - Long.numberOfLeadingZeros(bits - 1)));
  }

  /** Records a stored name key: itself, and every domain it is under. */
  void record(String key) {
    for (long h : hashes(key)) {
      add(h);
    }
  }

  /** The hashes {@link #record} sets bits for: one for the key, one per domain it is under. */
  static long[] hashes(String key) {
    int dots = 0;
    for (int i = 0; i < key.length(); i++) {
      dots += key.charAt(i) == '.' ? 1 : 0;
    }
    long[] out = new long[dots + 1];
    long h = 0xCBF29CE484222325L;
    int n = 0;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '.') {
        out[n++] = mix(h ^ UNDER);
      }
      h = (h ^ c) * 0x100000001B3L;
    }
    out[n] = mix(h ^ EXACT);
    return out;
  }

  /** Sets the bits of one hash from {@link #hashes}. */
  void add(long hash) {
    int base = block(hash);
    long probes = mix(hash);
    for (int i = 0; i < PROBES; i++, probes >>>= 9) {
      int bit = (int) (probes & 511);
      int word = base + (bit >>> 6);
      long m = 1L << bit;
      long old = words.get(word);
      while ((old & m) == 0 && !words.compareAndSet(word, old, old | m)) {
        old = words.get(word);
      }
    }
  }

  /** The hash {@link #mayHave} asks for a name with exactly this key. */
  static long exactHash(String key) {
    return mix(fnv(key) ^ EXACT);
  }

  /** The hash {@link #mayHave} asks for names under the domain with this key ({@code key + "."} as a prefix). */
  static long underHash(String key) {
    return mix(fnv(key) ^ UNDER);
  }

  /** Bytes of memory the bits take. */
  long bytes() {
    return words.length() * 8L;
  }

  /** Whether the bits of a hash from {@link #exactHash}, {@link #underHash} or {@link #hashes} are all set. */
  boolean mayHave(long hash) {
    int base = block(hash);
    long probes = mix(hash);
    for (int i = 0; i < PROBES; i++, probes >>>= 9) {
      int bit = (int) (probes & 511);
      if ((words.get(base + (bit >>> 6)) & (1L << bit)) == 0) {
        return false;
      }
    }
    return true;
  }

  /** The first word of the hash's block. */
  private int block(long hash) {
    return ((int) (hash >>> 32) & blockMask) * BLOCK_WORDS;
  }

  private static long fnv(String s) {
    long h = 0xCBF29CE484222325L;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001B3L;
    }
    return h;
  }

  /** Murmur3's 64-bit finalizer: spreads FNV's low-entropy high bits over the word. */
  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }
}
