package org.ctmon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.ctmon.store.ingest.Ingest;
import org.ctmon.store.ingest.TestIssuances;
import org.ctmon.store.log.Logs;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class StoreTest {
  @Test
  void anH2FileIsCreatedOnFirstStartAndKeepsItsDataAcrossRestarts(@TempDir Path dir) {
    String url = "jdbc:h2:file:" + dir.resolve("data/ctmon").toAbsolutePath();
    StoreConfig config = StoreConfig.defaults().withDatabase(url, "", "");
    try (Store s = Store.open(config)) {
      TestIssuances.registerLogs(s);
      new Ingest(s.jdbi(), Clock.systemUTC(), false).commit(TestIssuances.batch(TestIssuances.LOG_A, 0,
          List.of(TestIssuances.issuance("one", "example.com"))));
    }
    assertTrue(Files.exists(dir.resolve("data/ctmon.mv.db")));

    try (Store s = Store.open(config)) {
      assertEquals(1, new Logs(s.jdbi(), Clock.systemUTC()).state(TestIssuances.LOG_A).orElseThrow().nextIndex());
      assertEquals(1, TableSnapshot.count(s, "issuances"));
    }
  }

  @Test
  void theH2PageCacheIs256MbButAtMostAQuarterOfTheHeapAndNeverUnderH2sOwn16Mb() {
    long mb = 1024 * 1024;
    assertEquals(262_144, Vendor.h2CacheKb(6L * 1024 * mb), "a 6 GB heap: 256 MB");
    assertEquals(262_144, Vendor.h2CacheKb(1024 * mb), "1 GB: 256 MB");
    assertEquals(131_072, Vendor.h2CacheKb(512 * mb), "512 MB: 128 MB");
    assertEquals(65_536, Vendor.h2CacheKb(256 * mb), "256 MB: 64 MB");
    assertEquals(16_384, Vendor.h2CacheKb(32 * mb), "32 MB: H2's own 16 MB, not 8");
  }

  @Test
  void h2UrlsGetTheSettingsTheSqlNeedsUnlessTheyHaveThem() {
    assertEquals("jdbc:h2:file:./data/ctmon;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
        + ";WRITE_DELAY=0;QUERY_CACHE_SIZE=64;CACHE_SIZE=" + Vendor.h2CacheKb(Runtime.getRuntime().maxMemory()),
        Vendor.H2.completeUrl("jdbc:h2:file:./data/ctmon"));
    assertEquals("jdbc:h2:file:x;mode=PostgreSQL;cache_size=1024;write_delay=10;DATABASE_TO_LOWER=TRUE"
            + ";DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64",
        Vendor.H2.completeUrl("jdbc:h2:file:x;mode=PostgreSQL;cache_size=1024;write_delay=10"));
    String ownQueryCache = Vendor.H2.completeUrl("jdbc:h2:file:x;QUERY_CACHE_SIZE=8");
    assertFalse(ownQueryCache.contains("QUERY_CACHE_SIZE=64"), ownQueryCache);
    assertTrue(ownQueryCache.contains(";CACHE_SIZE="), "a user's QUERY_CACHE_SIZE is not taken for CACHE_SIZE");
    assertEquals("jdbc:postgresql://db/ctmon", Vendor.POSTGRESQL.completeUrl("jdbc:postgresql://db/ctmon"));
  }

  @Test
  void otherDatabasesAreRefusedNamingTheKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StoreConfig.defaults().withDatabase("jdbc:mysql://db/ctmon", "", ""));
    assertEquals("database.url must be an H2 or PostgreSQL JDBC URL, not jdbc:mysql://db/ctmon", e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void aPasswordWrittenIntoTheUrlIsMaskedWhereverTheStoreNamesIt() {
    StoreConfig c = StoreConfig.defaults().withDatabase("jdbc:postgresql://127.0.0.1:1/ctmon?password=s3cret&ssl=false", "ct", "pw");

    StoreException e = Assertions.assertThrows(StoreException.class, () -> Store.open(c));

    assertEquals("jdbc:postgresql://127.0.0.1:1/ctmon?password=***&ssl=false", StoreConfig.maskedUrl(c.url()));
    assertEquals("jdbc:h2:file:./x;PASSWORD=***;MODE=PostgreSQL", StoreConfig.maskedUrl("jdbc:h2:file:./x;PASSWORD=a;MODE=PostgreSQL"));
    Assertions.assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    Assertions.assertFalse(c.toString().contains("s3cret") || c.toString().contains("pw,"), c.toString());
  }
}
