package org.ctmon.store.issuance;

import static org.ctmon.store.ingest.TestIssuances.LOG_A;
import static org.ctmon.store.ingest.TestIssuances.batch;
import static org.ctmon.store.ingest.TestIssuances.issuance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.ctmon.parser.Eventually;
import org.ctmon.parser.Sha256;
import org.ctmon.store.IndexPartition;
import org.ctmon.store.ReversedName;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.ingest.Ingest;
import org.ctmon.store.ingest.IngestBatch;
import org.ctmon.store.ingest.Issuance;
import org.ctmon.store.ingest.LogEntryRecord;
import org.ctmon.store.ingest.TestIssuances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class NameFiltersTest {
  private static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");

  @TempDir
  Path dir;

  @Test
  void aFilterNeverRulesOutARecordedNameOrADomainAboveIt() {
    SplittableRandom random = new SplittableRandom(6962);
    NameFilter filter = NameFilter.sizedFor(60_000);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      String name = "h" + random.nextInt(1_000_000) + ".d" + random.nextInt(100_000) + "." + (i % 2 == 0 ? "com" : "co.uk");
      names.add(name);
      filter.record(ReversedName.key(name));
    }
    for (String name : names) {
      assertTrue(filter.mayHave(NameFilter.exactHash(ReversedName.key(name))), name);
      String parent = name.substring(name.indexOf('.') + 1);
      assertTrue(filter.mayHave(NameFilter.underHash(ReversedName.key(parent))), "a domain above " + name);
      assertTrue(filter.mayHave(NameFilter.underHash(ReversedName.key(name.endsWith("co.uk") ? "co.uk" : "com"))));
    }
    int maybe = 0;
    for (int i = 0; i < 20_000; i++) {
      String absent = "absent" + i + ".example.org";
      maybe += filter.mayHave(NameFilter.exactHash(ReversedName.key(absent))) ? 1 : 0;
      maybe += filter.mayHave(NameFilter.underHash(ReversedName.key(absent))) ? 1 : 0;
    }
    assertTrue(maybe < 40_000 * 3 / 100, "false 'maybe' answers: " + maybe + " of 40,000");
  }

  @Test
  void searchesSkipPartitionsThatCannotAnswerAndFindTheSameBeforeAndAfterARestart() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("ctmon").toAbsolutePath();
    List<Criterion> criteria = List.of(Criterion.Name.parse("only1.example.com"), Criterion.Name.parse(".example.com"),
        Criterion.Name.parse("www.example.net"), Criterion.Name.parse(".example.net"),
        Criterion.Name.parse(".sub.only2.example.com"), Criterion.Name.parse("absent.example.org"),
        Criterion.Name.parse(".com"));
    Map<Criterion, TreeSet<String>> before;
    try (Store s = Store.open(StoreConfig.defaults().withDatabase(url, "", ""))) {
      TestIssuances.registerLogs(s);
      Ingest ingest = new Ingest(s.jdbi(), Clock.systemUTC(), true);
      long[] at = {1, 3 * IndexPartition.IDS_PER_PARTITION + 5, 10 * IndexPartition.IDS_PER_PARTITION - 1};
      for (int k = 0; k < at.length; k++) {
        long id = at[k];
        s.jdbi().useHandle(h -> h.execute("ALTER SEQUENCE issuance_ids RESTART WITH " + id));
        ingest.commit(batch(LOG_A, k * 2L, List.of(issuance("p" + k, "only" + k + ".example.com", "*.example.net"),
            issuance("q" + k, "a.sub.only" + k + ".example.com"))));
      }
      NameFilters filters = NameFilters.of(s.jdbi()).orElseThrow();
      assertEquals(List.of(IndexPartition.of(s.vendor(), at[1])),
          filters.partitions(0, 9, f -> f.mayHave(NameFilter.exactHash(ReversedName.key("only1.example.com")))),
          "the one partition that holds the name");
      long absent = NameFilter.exactHash(ReversedName.key("absent.example.org"));
      assertEquals(List.of(), filters.partitions(0, 9, f -> f.mayHave(absent)));
      before = results(s, criteria);
      assertEquals(new TreeSet<>(List.of("only1.example.com,*.example.net")), before.get(criteria.get(0)));
      assertEquals(6, before.get(criteria.get(1)).size());
      assertEquals(3, before.get(criteria.get(2)).size(), "the covering wildcard in every partition");
      assertEquals(new TreeSet<>(List.of("a.sub.only2.example.com")), before.get(criteria.get(4)));
    }
    try (Store s = Store.open(StoreConfig.defaults().withDatabase(url, "", ""))) {
      // Read back from disk in the background: right while it builds, and once built.
      assertEquals(before, results(s, criteria));
      NameFilters filters = NameFilters.of(s.jdbi()).orElseThrow();
      Eventually.holds(Duration.ofSeconds(60), Duration.ofMillis(20), filters::built);
      assertTrue(filters.built(), "filters rebuilt from disk");
      assertEquals(before, results(s, criteria));
      long under = NameFilter.underHash(ReversedName.key("sub.only2.example.com"));
      assertEquals(List.of(9L), filters.partitions(0, 9, f -> f.mayHave(under)));

      // Names written after the restart, into the newest partition and a new one, are found.
      Ingest ingest = new Ingest(s.jdbi(), Clock.systemUTC(), true);
      ingest.commit(batch(LOG_A, 6, List.of(issuance("late", "late.example.org"))));
      s.jdbi().useHandle(h -> h.execute("ALTER SEQUENCE issuance_ids RESTART WITH " + 12 * IndexPartition.IDS_PER_PARTITION));
      ingest.commit(batch(LOG_A, 7, List.of(issuance("newest", "newest.example.org"))));
      assertEquals(new TreeSet<>(List.of("late.example.org", "newest.example.org")),
          results(s, List.of(Criterion.Name.parse(".example.org"))).values().iterator().next());
    }
  }

  @Test
  void pagesAreNewestFirstWhenOlderCertificatesLandInNewerPartitions() {
    String url = "jdbc:h2:file:" + dir.resolve("order").toAbsolutePath();
    try (Store s = Store.open(StoreConfig.defaults().withDatabase(url, "", ""))) {
      TestIssuances.registerLogs(s);
      Ingest ingest = new Ingest(s.jdbi(), Clock.systemUTC(), true);
      // Twenty partitions, two logs; the older the partition, the newer its certificates' timestamps
      // (a log caught up late): the newest partitions do not hold the newest certificates.
      Map<String, Long> seen = new LinkedHashMap<>();
      long nextA = 0;
      long nextB = 0;
      for (int k = 0; k < 20; k++) {
        long id = k * IndexPartition.IDS_PER_PARTITION + 1;
        s.jdbi().useHandle(h -> h.execute("ALTER SEQUENCE issuance_ids RESTART WITH " + id));
        boolean b = k % 2 == 1;
        long from = b ? nextB : nextA;
        List<Issuance> batch = new ArrayList<>();
        for (int j = 0; j < 5; j++) {
          String name = "i" + k + "-" + j + ".many.example";
          batch.add(issuance(name, name));
          seen.put(name, (20 - k) * 100_000L + from + j);
        }
        ingest.commit(at(b ? TestIssuances.LOG_B : LOG_A, from, (20 - k) * 100_000L, batch));
        nextA += b ? 0 : 5;
        nextB += b ? 5 : 0;
      }
      List<String> expected = seen.entrySet().stream()
          .sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).map(Map.Entry::getKey).toList();
      IssuanceSearch search = new IssuanceSearch(s.jdbi());
      for (int limit : new int[] {1, 7, 30, 100}) {
        List<String> paged = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
          var page = search.search(IssuanceQuery.of(Criterion.Name.parse(".many.example"), NOW), cursor, limit);
          page.items().forEach(i -> paged.add(i.dnsNames().get(0)));
          cursor = page.next();
        } while (cursor.isPresent());
        assertEquals(expected, paged, "pages of " + limit);
      }
    }
  }

  /** A batch whose entries are logged {@code shift} seconds after the usual timestamps. */
  private static IngestBatch at(Sha256 log, long from, long shift, List<Issuance> issuances) {
    IngestBatch usual = batch(log, from, issuances);
    List<LogEntryRecord> entries = usual.entries().stream().map(e -> new LogEntryRecord(e.index(), e.type(),
        e.timestampMs() + shift * 1000, e.tbsSha256())).toList();
    return new IngestBatch(log, from, issuances, entries, List.of(), usual.position(), Optional.empty());
  }

  private static Map<Criterion, TreeSet<String>> results(Store s, List<Criterion> criteria) {
    IssuanceSearch search = new IssuanceSearch(s.jdbi());
    Map<Criterion, TreeSet<String>> out = new LinkedHashMap<>();
    for (Criterion c : criteria) {
      TreeSet<String> found = new TreeSet<>();
      search.search(IssuanceQuery.of(c, NOW), Optional.empty(), 1000).items()
          .forEach(i -> found.add(String.join(",", i.dnsNames())));
      out.put(c, found);
    }
    return out;
  }
}
