package org.ctmon.parser;

import java.util.Arrays;
import java.util.Random;

/** Seeded mutations of real bytes, for the fuzz runs of the parser's packages. */
public final class Mutations {
  private Mutations() {}

  /** One to three random mutations of {@code in}: bit flips, inserts, deletes, truncation, 0xffffff length fields. */
  public static byte[] mutate(byte[] in, Random random) {
    byte[] b = in.clone();
    int rounds = 1 + random.nextInt(3);
    for (int r = 0; r < rounds && b.length > 0; r++) {
      int at = random.nextInt(b.length);
      switch (random.nextInt(6)) {
        case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
        case 1 -> b[at] = (byte) random.nextInt(256);
        case 2 -> {
          byte[] c = new byte[b.length + 1];
          System.arraycopy(b, 0, c, 0, at);
          c[at] = (byte) random.nextInt(256);
          System.arraycopy(b, at, c, at + 1, b.length - at);
          b = c;
        }
        case 3 -> {
          byte[] c = new byte[b.length - 1];
          System.arraycopy(b, 0, c, 0, at);
          System.arraycopy(b, at + 1, c, at, b.length - at - 1);
          b = c;
        }
        case 4 -> b = Arrays.copyOf(b, at);
        default -> {
          for (int i = at; i < Math.min(b.length, at + 3); i++) {
            b[i] = (byte) 0xff;
          }
        }
      }
    }
    return b;
  }
}
