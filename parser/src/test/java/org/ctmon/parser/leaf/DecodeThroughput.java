package org.ctmon.parser.leaf;

import java.io.IOException;
import java.util.List;
import org.ctmon.parser.Corpus;

/**
 * Prints decode throughput on the corpus (entries/s on one thread): plain and gzipped navigli
 * data tiles, and the RFC 6962 corpus entries. A figure for reports, not a test; run with
 * {@code java -Dctmon.corpus=... -cp target/classes:target/test-classes org.ctmon.parser.leaf.DecodeThroughput}.
 */
final class DecodeThroughput {
  private DecodeThroughput() {}

  public static void main(String[] args) throws IOException {
    byte[][] tiles = new byte[4][];
    byte[][] gzipped = new byte[4][];
    for (int n = 0; n < 4; n++) {
      tiles[n] = Corpus.bytes("static-ct/navigli2025h2/tile/data/00" + n);
      gzipped[n] = DataTileTest.gzip(tiles[n]);
    }
    List<CorpusEntries.Entry> entries = CorpusEntries.all();
    for (int round = 0; round < 3; round++) {
      System.out.printf("round %d: tiles %,.0f entries/s, gzipped tiles %,.0f entries/s, rfc 6962 %,.0f entries/s%n",
          round, tiles(tiles), tiles(gzipped), rfc6962(entries));
    }
  }

  private static double tiles(byte[][] tiles) {
    long count = 0;
    long start = System.nanoTime();
    while (System.nanoTime() - start < 3_000_000_000L) {
      for (int n = 0; n < tiles.length; n++) {
        count += DataTile.decode(256L * n, tiles[n]).size();
      }
    }
    return count / ((System.nanoTime() - start) / 1e9);
  }

  private static double rfc6962(List<CorpusEntries.Entry> entries) {
    long count = 0;
    long start = System.nanoTime();
    while (System.nanoTime() - start < 3_000_000_000L) {
      for (CorpusEntries.Entry e : entries) {
        if (Rfc6962Entries.decode(e.index(), e.leafInput(), e.extraData()) instanceof Decoded) {
          count++;
        }
      }
    }
    return count / ((System.nanoTime() - start) / 1e9);
  }
}
