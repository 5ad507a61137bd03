package org.ctmon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.ctmon.store.bench.BenchNames;
import org.ctmon.store.ingest.Ingest;
import org.ctmon.store.ingest.Issuance;
import org.ctmon.store.ingest.TestIssuances;
import org.ctmon.store.issuance.Criterion;
import org.ctmon.store.issuance.IssuanceQuery;
import org.ctmon.store.issuance.IssuanceSearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2FileCompactionTest {
  @TempDir Path dir;

  private String url() {
    return "jdbc:h2:file:" + dir.resolve("ctmon").toAbsolutePath();
  }

  /** Ingests batches of issuances named like the real corpus's certificates; returns a sample of the names. */
  private List<String> ingestRealisticNames(int batches, int perBatch) throws Exception {
    List<String> corpus = BenchNames.corpusDomains(Path.of(System.getProperty("ctmon.corpus", "../../shared/corpus")));
    BenchNames gen = new BenchNames(3, 2_000, corpus);
    List<String> sample = new ArrayList<>();
    try (Store s = Store.open(new StoreConfig(url(), "", "", 2, StoreConfig.Retention.DEFAULT))) {
      TestIssuances.registerLogs(s);
      Ingest ingest = new Ingest(s.jdbi(), Clock.systemUTC(), false);
      long index = 0;
      for (int b = 0; b < batches; b++) {
        List<Issuance> batch = new ArrayList<>();
        for (int i = 0; i < perBatch; i++) {
          List<String> names = gen.namesFor(gen.nextDomain());
          batch.add(TestIssuances.issuance("compaction " + (index + i), false, names));
          if (i == b) {
            sample.add(names.get(0));
          }
        }
        ingest.commit(TestIssuances.batch(TestIssuances.LOG_A, index, batch));
        index += perBatch;
      }
    }
    return sample;
  }

  private static long count(Store s, String table) {
    return s.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
  }

  @Test
  void compactionShrinksTheFileAndKeepsEveryIssuanceNameAndEntrySearchable() throws Exception {
    List<String> sample = ingestRealisticNames(30, 500);
    long issuances;
    long names;
    long entries;
    try (Store s = Store.open(new StoreConfig(url(), "", "", 2, StoreConfig.Retention.DEFAULT))) {
      issuances = count(s, "issuances");
      names = count(s, "issuance_names");
      entries = count(s, "log_entries");
    }
    assertEquals(15_000, issuances);
    H2FileCompaction.FileUse use;
    try (Store s = Store.open(new StoreConfig(url(), "", "", 2, StoreConfig.Retention.DEFAULT))) {
      use = H2FileCompaction.measure(s.jdbi()).orElseThrow();
    }

    H2FileCompaction.Outcome o = H2FileCompaction.compact(url(), "", "");

    assertEquals(dir.resolve("ctmon.mv.db").toAbsolutePath(), o.file());
    assertEquals(Files.size(o.file()), o.bytesAfter());
    assertTrue(o.bytesAfter() < o.bytesBefore(), o.toString());
    assertEquals(o.file(), use.file());
    assertTrue(use.livePercent() > 0 && use.livePercent() < 100, use.toString());
    assertTrue(use.reclaimableBytes() > 0 && use.reclaimableBytes() <= o.bytesBefore() - o.bytesAfter(),
        "compaction gave back at least what was reported reclaimable: " + use + " " + o);
    try (Store s = Store.open(new StoreConfig(url(), "", "", 2, StoreConfig.Retention.DEFAULT))) {
      assertEquals(issuances, count(s, "issuances"));
      assertEquals(names, count(s, "issuance_names"));
      assertEquals(entries, count(s, "log_entries"));
      IssuanceSearch search = new IssuanceSearch(s.jdbi());
      for (String name : sample) {
        var page = search.search(IssuanceQuery.of(new Criterion.Name(name, false), Instant.parse("2026-02-01T00:00:00Z")),
            Optional.empty(), 100);
        assertFalse(page.items().isEmpty(), "found after compaction: " + name);
      }
    }
  }

  @Test
  void aDatabaseAnotherProcessHoldsOpenIsRefusedWithTheReasonAndLeftAsItWas() throws Exception {
    try (Store s = Store.open(new StoreConfig(url(), "", "", 2, StoreConfig.Retention.DEFAULT))) {
      TestIssuances.registerLogs(s);
      List<Issuance> batch = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        batch.add(TestIssuances.issuance("held " + i, "www" + i + ".example.org"));
      }
      new Ingest(s.jdbi(), Clock.systemUTC(), false).commit(TestIssuances.batch(TestIssuances.LOG_A, 0, batch));
    }
    Path file = dir.resolve("ctmon.mv.db");
    // Under the tests' -ea, H2's compaction on close trips an assert of its own and traces it; not ours.
    Files.deleteIfExists(dir.resolve("ctmon.trace.db"));
    Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), HoldsH2Open.class.getName(), Vendor.H2.completeUrl(url()))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      var out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("open", out.readLine());

      StoreException e = assertThrows(StoreException.class, () -> H2FileCompaction.compact(url(), "", ""));

      assertTrue(e.getMessage().contains("in use by another process"), e.getMessage());
      assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
      assertFalse(Files.exists(dir.resolve("ctmon.trace.db")), () -> "no H2 trace file left next to the data: "
          + read(dir.resolve("ctmon.trace.db")));
    } finally {
      holder.getOutputStream().close();
      assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
    }
    try (Store s = Store.open(new StoreConfig(url(), "", "", 2, StoreConfig.Retention.DEFAULT))) {
      assertEquals(200, count(s, "issuances"), "every issuance still there");
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return e.toString();
    }
  }

  @Test
  void aUrlNamingNoDatabaseIsAnErrorAndCreatesNothing() {
    String missing = "jdbc:h2:file:" + dir.resolve("nothing-here").toAbsolutePath();

    StoreException e = assertThrows(StoreException.class, () -> H2FileCompaction.compact(missing, "", ""));

    assertTrue(e.getMessage().startsWith("no H2 database at " + dir.resolve("nothing-here.mv.db").toAbsolutePath()),
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("nothing-here.mv.db")));
  }

  @Test
  void urlsThatAreNotAnEmbeddedH2FileAreRefusedWithWhatToDoInstead() {
    StoreException pg = assertThrows(StoreException.class,
        () -> H2FileCompaction.compact("jdbc:postgresql://127.0.0.1/ctmon?password=secret", "", ""));
    assertTrue(pg.getMessage().contains("VACUUM"), pg.getMessage());
    assertTrue(!pg.getMessage().contains("secret"), "a password in the URL is never repeated: " + pg.getMessage());
    StoreException mem = assertThrows(StoreException.class, () -> H2FileCompaction.compact("jdbc:h2:mem:ctmon", "", ""));
    assertTrue(mem.getMessage().contains("jdbc:h2:file:PATH"), mem.getMessage());
    StoreException tcp = assertThrows(StoreException.class,
        () -> H2FileCompaction.compact("jdbc:h2:tcp://127.0.0.1/~/ctmon", "", ""));
    assertTrue(tcp.getMessage().contains("H2 server's host"), tcp.getMessage());
  }

  @Test
  void theFileIsFoundForEveryFormOfEmbeddedUrl() {
    assertEquals(Path.of("data/ctmon.mv.db").toAbsolutePath(), H2FileCompaction.fileOf("jdbc:h2:file:./data/ctmon;MODE=PostgreSQL"));
    assertEquals(Path.of("data/ctmon.mv.db").toAbsolutePath(), H2FileCompaction.fileOf("jdbc:h2:./data/ctmon"));
    assertEquals(Path.of(System.getProperty("user.home"), "ct", "db.mv.db"), H2FileCompaction.fileOf("jdbc:h2:~/ct/db"));
    assertEquals(Path.of("/var/lib/ctmon/ctmon.mv.db"), H2FileCompaction.fileOf("jdbc:h2:file:/var/lib/ctmon/ctmon"));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("org.ctmon.store.TestDatabase#both")
  void onlyAnH2FileHasAFileUseToReport(TestDatabase db) {
    try (var t = db.open()) {
      var use = H2FileCompaction.measure(t.store().jdbi());
      assertEquals(db == TestDatabase.H2, use.isPresent(), use.toString());
      use.ifPresent(u -> assertTrue(u.file().toString().endsWith("ctmon.mv.db") && u.bytes() > 0, u.toString()));
    }
  }

  @Test
  void aDatabaseWithAUserAndPasswordIsCompactedWithThem() throws Exception {
    String url = url();
    // A database created by ctmon with database.user and database.password set.
    Store.open(new StoreConfig(url, "ctmon", "s3cret", 2, StoreConfig.Retention.DEFAULT)).close();

    StoreException wrong = assertThrows(StoreException.class, () -> H2FileCompaction.compact(url, "", ""));
    H2FileCompaction.Outcome o = H2FileCompaction.compact(url, "ctmon", "s3cret");

    assertTrue(wrong.getMessage().startsWith("cannot compact the H2 database "), wrong.getMessage());
    assertTrue(!wrong.getMessage().contains("s3cret"), wrong.getMessage());
    assertEquals(Files.size(o.file()), o.bytesAfter());
  }
}
