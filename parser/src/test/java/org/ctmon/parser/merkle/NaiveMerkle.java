package org.ctmon.parser.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.ctmon.parser.Sha256;

/**
 * A deliberately simple reference of RFC 6962 section 2.1 (MTH, PATH, PROOF), written from the
 * RFC's recursive definitions with its own digest, sharing no code with the package under test.
 * Slow on purpose: every call recomputes from the leaves.
 */
final class NaiveMerkle {
  private NaiveMerkle() {}

  static Sha256 leaf(byte[] data) {
    return hash(new byte[] {0}, data);
  }

  static Sha256 node(Sha256 left, Sha256 right) {
    return hash(new byte[] {1}, left.bytes(), right.bytes());
  }

  /** MTH(D[n]). */
  static Sha256 mth(List<Sha256> d) {
    int n = d.size();
    if (n == 0) {
      return hash();
    }
    if (n == 1) {
      return d.get(0);
    }
    int k = split(n);
    return node(mth(d.subList(0, k)), mth(d.subList(k, n)));
  }

  /** PATH(m, D[n]). */
  static List<Sha256> path(int m, List<Sha256> d) {
    int n = d.size();
    List<Sha256> out = new ArrayList<>();
    if (n == 1) {
      return out;
    }
    int k = split(n);
    if (m < k) {
      out.addAll(path(m, d.subList(0, k)));
      out.add(mth(d.subList(k, n)));
    } else {
      out.addAll(path(m - k, d.subList(k, n)));
      out.add(mth(d.subList(0, k)));
    }
    return out;
  }

  /** PROOF(m, D[n]) for 0 < m <= n. */
  static List<Sha256> proof(int m, List<Sha256> d) {
    return subproof(m, d, true);
  }

  private static List<Sha256> subproof(int m, List<Sha256> d, boolean b) {
    int n = d.size();
    List<Sha256> out = new ArrayList<>();
    if (m == n) {
      if (!b) {
        out.add(mth(d));
      }
      return out;
    }
    int k = split(n);
    if (m <= k) {
      out.addAll(subproof(m, d.subList(0, k), b));
      out.add(mth(d.subList(k, n)));
    } else {
      out.addAll(subproof(m - k, d.subList(k, n), false));
      out.add(mth(d.subList(0, k)));
    }
    return out;
  }

  /** The largest power of two smaller than n (n > 1). */
  private static int split(int n) {
    int k = 1;
    while (k * 2 < n) {
      k *= 2;
    }
    return k;
  }

  private static Sha256 hash(byte[]... parts) {
    MessageDigest md = Sha256.newDigest();
    for (byte[] p : parts) {
      md.update(p);
    }
    return Sha256.wrap(md.digest());
  }

  /** Leaf hashes of {@code n} random entries, the same for the same seed. */
  static List<Sha256> randomLeaves(int n, long seed) {
    Random random = new Random(seed);
    List<Sha256> leaves = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[] entry = new byte[1 + random.nextInt(40)];
      random.nextBytes(entry);
      leaves.add(leaf(entry));
    }
    return leaves;
  }

  /** 0, 1, 2, 3, every 2^k and 2^k +- 1 up to 1025, 1100, and three random sizes up to 5000. */
  static List<Integer> interestingSizes() {
    TreeSet<Integer> sizes = new TreeSet<>(List.of(0, 1, 2, 3, 1100));
    for (int p = 2; p <= 1024; p *= 2) {
      sizes.addAll(List.of(p - 1, p, p + 1));
    }
    Random random = new Random(6962);
    for (int i = 0; i < 3; i++) {
      sizes.add(1101 + random.nextInt(4000));
    }
    return new ArrayList<>(sizes);
  }
}
