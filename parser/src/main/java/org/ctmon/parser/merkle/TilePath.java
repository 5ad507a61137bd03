package org.ctmon.parser.merkle;

/**
 * The tlog-tiles path encoding of tile indexes ({@code 1234067} becomes {@code x001/x234/067}) and
 * the strict parsing of tile paths, for the test log that serves them.
 *
 * <p>Building paths lives on {@link Tile#path()} and {@link Tile#dataPath()}.
 */
public final class TilePath {
  private TilePath() {}

  /**
   * Encodes a tile index as zero-padded 3-digit path elements, all but the last prefixed with
   * {@code x}: 0 is {@code 000}, 1000 is {@code x001/000}, 1234067 is {@code x001/x234/067}.
   */
  public static String index(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("tile index " + n + " is negative");
    }
    String last = threeDigits(n % 1000);
    StringBuilder prefix = new StringBuilder();
    for (long rest = n / 1000; rest > 0; rest /= 1000) {
      prefix.insert(0, "x" + threeDigits(rest % 1000) + "/");
    }
    return prefix + last;
  }

  /**
   * Parses a hash tile path {@code tile/<L>/<N>[.p/<W>]}, accepting only the canonical form that
   * {@link Tile#path()} writes (no leading zeros in L or W, no leading {@code x000} elements, W
   * 1..255).
   *
   * @throws MalformedTileException naming the path if it is not such a path
   */
  public static Tile parse(String path) {
    String[] parts = path.split("/", -1);
    if (parts.length < 3 || !parts[0].equals("tile") || parts[1].equals("data")) {
      throw malformed(path, "it is not tile/<level>/<index>");
    }
    int level = (int) decimal(path, parts[1], 2);
    if (level > Tile.MAX_LEVEL) {
      throw malformed(path, "level " + level + " is above " + Tile.MAX_LEVEL);
    }
    Tile t = parseIndexAndWidth(path, level, parts, 2);
    if (!t.path().equals(path)) {
      throw malformed(path, "it is not in canonical form " + t.path());
    }
    return t;
  }

  /**
   * Parses a static-ct-api data tile path {@code tile/data/<N>[.p/<W>]} into the level-0 tile
   * whose hashes cover the same entries.
   *
   * @throws MalformedTileException naming the path if it is not such a path
   */
  public static Tile parseData(String path) {
    String[] parts = path.split("/", -1);
    if (parts.length < 3 || !parts[0].equals("tile") || !parts[1].equals("data")) {
      throw malformed(path, "it is not tile/data/<index>");
    }
    Tile t = parseIndexAndWidth(path, 0, parts, 2);
    if (!t.dataPath().equals(path)) {
      throw malformed(path, "it is not in canonical form " + t.dataPath());
    }
    return t;
  }

  private static Tile parseIndexAndWidth(String path, int level, String[] parts, int from) {
    int end = parts.length;
    int width = Tile.FULL_WIDTH;
    if (end - from >= 2 && parts[end - 2].endsWith(".p")) {
      width = (int) decimal(path, parts[end - 1], 3);
      parts[end - 2] = parts[end - 2].substring(0, parts[end - 2].length() - 2);
      end--;
      if (width < 1 || width >= Tile.FULL_WIDTH) {
        throw malformed(path, "partial width " + width + " is not within 1..255");
      }
    }
    long index = 0;
    for (int i = from; i < end; i++) {
      String e = parts[i];
      boolean last = i == end - 1;
      String digits = last ? e : (e.startsWith("x") ? e.substring(1) : "");
      if (digits.length() != 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw malformed(path, "index element '" + e + "' is not " + (last ? "ddd" : "xddd"));
      }
      try {
        index = Math.addExact(Math.multiplyExact(index, 1000L), Integer.parseInt(digits));
      } catch (ArithmeticException overflow) {
        throw malformed(path, "the index does not fit in 63 bits");
      }
    }
    return new Tile(level, index, width);
  }

  /** A decimal without sign or leading zeros, of at most {@code maxDigits} digits. */
  private static long decimal(String path, String s, int maxDigits) {
    boolean digits = !s.isEmpty() && s.length() <= maxDigits && s.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!digits || (s.length() > 1 && s.charAt(0) == '0')) {
      throw malformed(path, "'" + s + "' is not a decimal of at most " + maxDigits + " digits without leading zeros");
    }
    return Long.parseLong(s);
  }

  private static String threeDigits(long n) {
    return n < 10 ? "00" + n : n < 100 ? "0" + n : Long.toString(n);
  }

  private static MalformedTileException malformed(String path, String why) {
    return new MalformedTileException("malformed tile path '" + path + "': " + why);
  }
}
