package org.ctmon.testlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.ctmon.parser.leaf.DataTile;
import org.ctmon.parser.leaf.Decoded;
import org.ctmon.parser.leaf.EntryDecoding;
import org.ctmon.parser.merkle.Tile;
import org.ctmon.parser.treehead.LogKey;
import org.ctmon.parser.treehead.SignedCheckpoint;
import org.ctmon.testlog.log.LogProtocol;
import org.ctmon.testlog.log.TestLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TileOptionsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void gzipDataTilesCarryContentEncodingAndDecode() {
    TestLogOptions o = TestLogOptions.defaults().withProtocols(List.of(LogProtocol.STATIC)).withEntries(300).withGzip(true);
    try (TestLogServer server = TestLogServer.start(o, SharedPki.PKI, CLOCK)) {
      TestLog log = server.logs().get(0);
      HttpResponse<byte[]> r = Http.get(server.prefix(log) + "tile/data/000");
      assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElseThrow());
      assertTrue(DataTile.isGzip(r.body()));
      List<EntryDecoding> entries = DataTile.decode(0, r.body(), 256);
      assertEquals(256, entries.size());
      entries.forEach(e -> assertTrue(e instanceof Decoded, e.toString()));
    }
  }

  @Test
  void deletedPartialTilesAre404OnceTheirFullTileExistsAndPartialsOfTheEdgeRemain() {
    TestLogOptions o = TestLogOptions.defaults().withProtocols(List.of(LogProtocol.STATIC)).withEntries(300)
        .withDeletePartialTiles(true);
    try (TestLogServer server = TestLogServer.start(o, SharedPki.PKI, CLOCK)) {
      TestLog log = server.logs().get(0);
      String prefix = server.prefix(log);
      SignedCheckpoint cp = SignedCheckpoint.verify(WireReader.checkpointBytes(prefix),
          LogKey.fromDer(log.key().publicKey()), server.origin(log));
      long size = cp.treeSize();
      assertTrue(size > 256 && size < 512, "size " + size);
      assertEquals(404, Http.get(prefix + new Tile(0, 0, 100).path()).statusCode());
      assertEquals(404, Http.get(prefix + new Tile(0, 0, 100).dataPath()).statusCode());
      assertEquals(200, Http.get(prefix + new Tile(0, 0, 256).path()).statusCode());
      int edge = (int) (size - 256);
      assertEquals(200, Http.get(prefix + new Tile(0, 1, edge).path()).statusCode());
      assertEquals(200, Http.get(prefix + new Tile(0, 1, edge).dataPath()).statusCode());
      assertEquals(404, Http.get(prefix + new Tile(0, 1, edge + 1).dataPath()).statusCode(), "beyond the tree");
      assertEquals(200, Http.get(prefix + new Tile(1, 0, 1).path()).statusCode());
    }
  }

  @Test
  void aCachedFillGivesTheSameLogsAndTheSameGrowthAsIssuing(@TempDir Path dir) throws Exception {
    TestLogOptions o = TestLogOptions.defaults().withEntries(200).withCacheDir(dir);
    String first;
    String firstGrown;
    try (TestLogServer issued = TestLogServer.start(o, SharedPki.PKI, CLOCK)) {
      first = heads(issued);
      issued.grow(20);
      issued.publish();
      firstGrown = heads(issued);
    }
    try (var files = Files.list(dir)) {
      assertEquals(1, files.filter(f -> f.getFileName().toString().endsWith(".bin")).count());
    }
    try (TestLogServer cached = TestLogServer.start(o, SharedPki.PKI, CLOCK)) {
      assertEquals(first, heads(cached));
      cached.grow(20);
      cached.publish();
      assertEquals(firstGrown, heads(cached));
    }
  }

  @Test
  void eachGrowthTickGrowsEveryLogByTheRateAndPublishes() {
    try (TestLogServer server = TestLogServer.start(TestLogOptions.defaults().withEntries(50), SharedPki.PKI, CLOCK)) {
      Runnable tick = server.new Growth(40);
      for (int t = 1; t <= 3; t++) {
        tick.run();
        for (TestLog log : server.logs()) {
          assertTrue(log.publishedSize() >= 50 + 40 * t, log.name() + " at tick " + t + ": " + log.publishedSize());
          assertEquals(log.appendedSize(), log.publishedSize());
        }
      }
    }
  }

  @Test
  void aSlowGrowthRateGrowsAFewEntriesEveryTickNotAChunkThenNothingForAMinute() {
    // Regression: --grow 1 drew issuances in chunks of at least 64, so a log grew by about 90
    // entries at the first tick and then stood still for a minute and a half.
    try (TestLogServer server = TestLogServer.start(TestLogOptions.defaults().withEntries(50), SharedPki.PKI, CLOCK)) {
      Runnable tick = server.new Growth(1);
      long start = server.logs().stream().mapToLong(TestLog::publishedSize).sum();
      int ticksThatGrew = 0;
      for (int t = 1; t <= 10; t++) {
        long before = server.logs().stream().mapToLong(TestLog::publishedSize).sum();
        tick.run();
        long after = server.logs().stream().mapToLong(TestLog::publishedSize).sum();
        assertTrue(after - before <= 8, "tick " + t + " grew " + (after - before) + " entries at a rate of 1/s");
        ticksThatGrew += after > before ? 1 : 0;
      }
      long grown = server.logs().stream().mapToLong(TestLog::publishedSize).sum() - start;
      // Two logs at about 1 entry a second each; an issuance adds 1 or 2 entries to a log.
      assertTrue(grown >= 15 && grown <= 30, "10 ticks at 1/s grew the two logs by " + grown);
      assertTrue(ticksThatGrew >= 6, "only " + ticksThatGrew + " of 10 ticks grew the logs");
    }
  }

  private static String heads(TestLogServer server) {
    StringBuilder b = new StringBuilder();
    for (TestLog log : server.logs()) {
      b.append(log.publishedSize()).append(' ').append(log.root(log.publishedSize())).append('\n');
    }
    return b.toString();
  }
}
