package org.ctmon.parser.treehead;

import java.util.Arrays;
import java.util.List;
import org.ctmon.parser.Sha256;

/**
 * The body of a C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): origin line, decimal tree
 * size, base64 root hash, then optional extension lines. Unsigned: the signed form is {@link
 * SignedCheckpoint}.
 *
 * @param origin the log's origin, e.g. {@code willow.ct.letsencrypt.org/2025h1b}
 * @param treeSize number of entries, {@code >= 0}
 * @param rootHash the Merkle tree hash
 * @param extensions the lines after the root, each non-empty, possibly none
 */
public record Checkpoint(String origin, long treeSize, Sha256 rootHash, List<String> extensions) {
  private static final int MAX_SIZE_DIGITS = 19;

  public Checkpoint {
    if (origin == null || origin.isEmpty()) {
      throw new MalformedTreeHeadException("checkpoint origin is empty");
    }
    if (treeSize < 0) {
      throw new MalformedTreeHeadException("checkpoint of " + origin + " has negative tree size " + treeSize);
    }
    if (rootHash == null) {
      throw new MalformedTreeHeadException("checkpoint of " + origin + " has no root hash");
    }
    extensions = List.copyOf(extensions);
    for (String line : extensions) {
      if (line.isEmpty() || line.indexOf('\n') >= 0) {
        throw new MalformedTreeHeadException("checkpoint of " + origin + " has an empty or multi-line extension");
      }
    }
  }

  /**
   * Parses a note text (ending with a newline, as {@link SignedNote#text()}).
   *
   * @throws MalformedTreeHeadException if there are fewer than three lines, the size is not a decimal
   *     without leading zeros that fits 63 bits, or the root is not the padded base64 of 32 bytes
   */
  public static Checkpoint parse(String text) {
    if (!text.endsWith("\n")) {
      throw new MalformedTreeHeadException("checkpoint text does not end with a newline");
    }
    List<String> lines = Arrays.asList(text.substring(0, text.length() - 1).split("\n", -1));
    if (lines.size() < 3) {
      throw new MalformedTreeHeadException(
          "checkpoint has " + lines.size() + " lines, not origin, tree size and root hash");
    }
    String origin = lines.get(0);
    if (origin.isEmpty()) {
      throw new MalformedTreeHeadException("checkpoint origin line is empty");
    }
    long size = parseSize(origin, lines.get(1));
    String root = lines.get(2);
    if (root.length() != 44) {
      throw new MalformedTreeHeadException("checkpoint of " + origin + " has root line '" + root
          + "', not the 44-character base64 of a sha-256 hash");
    }
    Sha256 rootHash = SignedTreeHead.rootFromBase64(root, size);
    return new Checkpoint(origin, size, rootHash, lines.subList(3, lines.size()));
  }

  private static long parseSize(String origin, String line) {
    boolean digits = !line.isEmpty() && line.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!digits || line.length() > 1 && line.charAt(0) == '0' || line.length() > MAX_SIZE_DIGITS) {
      throw new MalformedTreeHeadException("checkpoint of " + origin + " has tree size line '" + line
          + "', not a decimal of at most 19 digits without leading zeros");
    }
    try {
      return Long.parseLong(line);
    } catch (NumberFormatException e) {
      throw new MalformedTreeHeadException("checkpoint of " + origin + " has tree size " + line
          + ", larger than 2^63-1");
    }
  }

  /** The note text of this body: the lines, each ending with a newline. */
  public String text() {
    StringBuilder b = new StringBuilder()
        .append(origin).append('\n').append(treeSize).append('\n').append(rootHash.base64()).append('\n');
    extensions.forEach(line -> b.append(line).append('\n'));
    return b.toString();
  }

  @Override
  public String toString() {
    return "Checkpoint[" + origin + ", size " + treeSize + ", root " + rootHash.hex() + " = "
        + rootHash.base64() + (extensions.isEmpty() ? "" : ", extensions " + extensions) + "]";
  }
}
