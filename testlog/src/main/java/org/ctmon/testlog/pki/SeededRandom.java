package org.ctmon.testlog.pki;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.ctmon.parser.Sha256;

/**
 * A deterministic {@link SecureRandom}: SHA-256 in counter mode over a key derived from a seed and a
 * label, so each key of the PKI comes from its own stream and does not depend on the order in which
 * keys are made.
 *
 * <p>Why not a JDK or BouncyCastle generator: {@code SHA1PRNG} mixes in system entropy unless seeded
 * before first use and its seeding rules differ between JDKs, BouncyCastle's {@code FixedSecureRandom}
 * runs dry, and the SP 800-90 DRBGs want an entropy source. Block {@code i} here is {@code
 * SHA-256(key || i)} with {@code key = SHA-256(seed || label)}: fifteen lines whose output no library
 * upgrade can change. {@link #setSeed} is ignored so that nothing can make a stream non-reproducible.
 * Not thread-safe; never use it outside tests.
 */
final class SeededRandom extends SecureRandom {
  private final byte[] key;
  private final MessageDigest md = Sha256.newDigest();
  private final byte[] block = new byte[Sha256.LENGTH];
  private long counter;
  private int used = Sha256.LENGTH;

  SeededRandom(long seed, String label) {
    super(null, null);
    MessageDigest d = Sha256.newDigest();
    d.update(ByteBuffer.allocate(8).putLong(seed).array());
    d.update(label.getBytes(StandardCharsets.UTF_8));
    this.key = d.digest();
  }

  @Override
  public void nextBytes(byte[] out) {
    for (int i = 0; i < out.length; i++) {
      if (used == Sha256.LENGTH) {
        refill();
      }
      out[i] = block[used++];
    }
  }

  private void refill() {
    md.update(key);
    md.update(ByteBuffer.allocate(8).putLong(counter++).array());
    try {
      md.digest(block, 0, block.length);
    } catch (DigestException e) {
      throw new AssertionError("sha-256 digest into a 32-byte buffer failed", e);
    }
    used = 0;
  }

  @Override
  public byte[] generateSeed(int numBytes) {
    byte[] b = new byte[numBytes];
    nextBytes(b);
    return b;
  }

  @Override
  public void setSeed(long seed) {
    // Called by java.util.Random's constructor before our fields exist; deliberately ignored.
  }

  @Override
  public void setSeed(byte[] seed) {
    // Ignored: the stream depends only on the constructor's seed and label.
  }

  @Override
  public String getAlgorithm() {
    return "ctmon-seeded-sha256-ctr";
  }
}
