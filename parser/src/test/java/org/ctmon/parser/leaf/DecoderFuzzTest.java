package org.ctmon.parser.leaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Random;
import org.ctmon.parser.Corpus;
import org.ctmon.parser.Mutations;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of real leaves and tiles: every input must give a typed result, never an
 * exception and never the internal-error safety net. The timeout only guards against hangs.
 */
final class DecoderFuzzTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(60);
  private static final String TILES = "static-ct/navigli2025h2/tile/data/";

  @Test
  void mutatedRfc6962EntriesAlwaysGiveATypedResult() {
    List<CorpusEntries.Entry> entries = CorpusEntries.all();
    Random random = new Random(6962);
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      for (int i = 0; i < 100_000; i++) {
        CorpusEntries.Entry e = entries.get(random.nextInt(entries.size()));
        boolean leafSide = random.nextBoolean();
        byte[] leaf = leafSide ? Mutations.mutate(e.leafInput(), random) : e.leafInput();
        byte[] extra = leafSide ? e.extraData() : Mutations.mutate(e.extraData(), random);
        EntryDecoding d = assertTyped(Rfc6962Entries.decode(e.index(), leaf, extra));
        if (d instanceof Malformed m) {
          assertTrue(m.leafHash().isPresent(), "an rfc 6962 leaf hash is always known");
        }
        if (!leafSide) {
          assertInstanceOf(Decoded.class, d, "only extra_data was mutated: the leaf decodes");
        }
      }
    });
  }

  @Test
  void everyTruncationOfARealLeafIsMalformedAndOfItsExtraDataAFlagOnTheDecodedLeaf() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      for (CorpusEntries.Entry e : CorpusEntries.all()) {
        for (int n = 0; n < e.leafInput().length; n++) {
          Malformed m = assertInstanceOf(Malformed.class,
              Rfc6962Entries.decode(e.index(), Arrays.copyOf(e.leafInput(), n), e.extraData()));
          assertTrue(m.kind() == MalformedKind.TRUNCATED, m.reason());
        }
        // extra_data is outside the tree: the leaf it comes with decodes all the same.
        for (int n = 0; n < e.extraData().length; n++) {
          Decoded d = assertInstanceOf(Decoded.class,
              Rfc6962Entries.decode(e.index(), e.leafInput(), Arrays.copyOf(e.extraData(), n)));
          assertEquals(1, d.flags().size(), d.flags().toString());
          assertTrue(d.flags().get(0).startsWith("extra_data: "), d.flags().get(0));
        }
      }
    });
  }

  @Test
  void everyTruncationOfAPartialTileFramesExactlyTheWholeEntriesBeforeTheCut() {
    byte[] tile = Corpus.bytes(TILES + "003.p/10");
    int[] starts = new int[11];
    for (int k = 0; k <= 10; k++) {
      starts[k] = DataTileTest.startOfEntry(tile, k);
    }
    assertEquals(tile.length, starts[10]);
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      for (int n = 1; n < tile.length; n++) {
        List<EntryDecoding> result = DataTile.decode(768, Arrays.copyOf(tile, n));
        int whole = 0;
        while (starts[whole + 1] <= n) {
          whole++;
        }
        boolean boundary = starts[whole] == n;
        assertEquals(boundary ? whole : whole + 1, result.size(), "cut at " + n);
        for (int k = 0; k < whole; k++) {
          assertInstanceOf(Decoded.class, result.get(k));
        }
        if (!boundary) {
          Malformed m = assertInstanceOf(Malformed.class, result.get(whole));
          assertEquals(MalformedKind.TRUNCATED, m.kind(), m.reason());
          assertEquals(n - starts[whole], m.leafInput().length());
        }
      }
    });
  }

  @Test
  void mutatedTilesAlwaysGiveConsecutiveTypedResults() throws IOException {
    byte[] partial = Corpus.bytes(TILES + "003.p/10");
    byte[] full = Corpus.bytes(TILES + "002");
    byte[] gzipped = DataTileTest.gzip(partial);
    Random random = new Random(256);
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      for (int i = 0; i < 20_000; i++) {
        int pick = random.nextInt(20);
        byte[] source = pick == 0 ? full : pick < 4 ? gzipped : partial;
        long first = source == full ? 512 : 768;
        List<EntryDecoding> result = DataTile.decode(first, Mutations.mutate(source, random));
        assertFalse(result.isEmpty());
        for (int k = 0; k < result.size(); k++) {
          EntryDecoding d = assertTyped(result.get(k));
          assertEquals(first + k, d.index());
          if (d instanceof Decoded ok) {
            // A leaf_index that is missing or names another position is flagged, never silent.
            OptionalLong leafIndex = ok.entry().leafIndexExtension();
            assertEquals(leafIndex.isEmpty() || leafIndex.getAsLong() != first + k, !ok.flags().isEmpty(),
                ok.flags().toString());
          }
        }
      }
    });
  }

  private static EntryDecoding assertTyped(EntryDecoding d) {
    if (d instanceof Malformed m) {
      assertNotEquals(MalformedKind.INTERNAL, m.kind(), m.reason());
      assertTrue(m.reason().equals(m.reason().toLowerCase(Locale.ROOT)), m.reason());
      return m;
    }
    return assertInstanceOf(Decoded.class, d);
  }

}
