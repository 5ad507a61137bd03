package org.ctmon.fetcher.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ctmon.fetcher.harness.Certspotter;
import org.ctmon.fetcher.harness.FollowerHarness;
import org.ctmon.fetcher.http.HttpConfig;
import org.ctmon.fetcher.loglist.CtLog;
import org.ctmon.fetcher.loglist.LogListParser;
import org.ctmon.parser.Sha256;
import org.ctmon.fetcher.stored.StoredJournal;
import org.ctmon.store.Page;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.ingest.Ingest;
import org.ctmon.store.issuance.Criterion;
import org.ctmon.store.issuance.IssuanceQuery;
import org.ctmon.store.issuance.IssuanceSearch;
import org.ctmon.store.issuance.IssuanceSummary;
import org.ctmon.store.log.Logs;
import org.ctmon.testlog.TestLogOptions;
import org.ctmon.testlog.TestLogServer;
import org.ctmon.testlog.log.LogProtocol;
import org.ctmon.testlog.pki.SanName;
import org.ctmon.testlog.pki.TestIssuance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ctmon and certspotter follow the same RFC 6962 test log with the same watch list and must find the
 * same certificates; both are also checked against the test log's own record of what it issued.
 */
final class CertspotterPeerTest {
  /**
   * Whole TLDs and a second-level suffix of the seeded name mix (about one domain in seven lands in
   * one of them), so wildcards, www/apex pairs, service sets and hosting certificates all occur.
   */
  private static final List<String> WATCH = List.of(".de", ".co.uk", ".example", ".jp");

  @TempDir
  Path dir;

  @Test
  void ctmonAndCertspotterFindTheSameCertificatesForAWatchList() throws Exception {
    Path certspotter = Certspotter.require();
    TestLogOptions options = TestLogOptions.defaults().withProtocols(List.of(LogProtocol.RFC6962));
    try (TestLogServer server = TestLogServer.start(options, FollowerHarness.PKI, Clock.systemUTC())) {
      List<TestIssuance> issued = server.grow(500);
      server.publish();
      long size = server.logs().get(0).publishedSize();
      Path list = server.writeLogList(dir.resolve("log_list.json"));
      Path watch = Files.writeString(dir.resolve("watchlist"), String.join("\n", WATCH) + "\n");

      // The test log's own record: issuances with a DNS name (SAN or CN) within a watched domain.
      Map<Sha256, List<String>> expected = new HashMap<>();
      for (TestIssuance i : issued) {
        List<String> names = names(i);
        if (names.stream().anyMatch(CertspotterPeerTest::watched)) {
          expected.put(i.tbsSha256(), names);
        }
      }

      Map<Sha256, List<String>> ctmon = ctmon(list, dir.resolve("ctmon"));

      Path state = dir.resolve("certspotter-state");
      Process p = Certspotter.start(certspotter, list, watch, state, List.of());
      boolean done = Certspotter.runUntilVerified(p, state, 1, size, 120_000);
      assertTrue(done, () -> "certspotter verified " + Certspotter.verifiedPositions(state) + " of " + size
          + "; stderr:\n" + tail(dir.resolve("certspotter.err")));
      Map<Sha256, List<String>> spotted = Certspotter.found(state);

      System.out.printf("certspotter peer: %d issuances, %d entries; watch %s: expected %d, ctmon %d,"
          + " certspotter %d%n", issued.size(), size, WATCH, expected.size(), ctmon.size(), spotted.size());
      String diff = differences("ctmon", ctmon, "certspotter", spotted)
          + differences("test log", expected, "ctmon", ctmon);
      System.out.println("certspotter peer: differences: " + (diff.isEmpty() ? "none" : "\n" + diff));
      assertTrue(expected.size() > 20, "the watch list hits a meaningful subset: " + expected.size());
      assertEquals(expected.keySet(), ctmon.keySet(), "ctmon finds what the test log issued for the watch list");
      assertEquals(ctmon.keySet(), spotted.keySet(), "ctmon and certspotter find the same certificates\n" + diff);
    }
  }

  /** ctmon: follows the log into an H2 file, then searches each watch item with its subdomains. */
  private static Map<Sha256, List<String>> ctmon(Path list, Path db) throws Exception {
    CtLog log = LogListParser.parse(Files.readAllBytes(list), list.toString()).logs().get(0);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Map<Sha256, List<String>> out = new HashMap<>();
    try (Store store = Store.open(StoreConfig.defaults().withDatabase("jdbc:h2:file:" + db, "", ""))) {
      Clock clock = Clock.systemUTC();
      Ingest ingest = new Ingest(store.jdbi(), clock, false);
      LogFollower f = new LogFollower(log, HttpConfig.withContact("ctmon-tests@example.org").newClient(),
          new StoredJournal(new Logs(store.jdbi(), clock), ingest::commit), pool,
          FollowerConfig.DEFAULT.withStartAt(StartPosition.BEGINNING).withFetching(256, 2, 0), clock);
      f.runOnce();
      FollowerStatus s = f.status();
      assertEquals(FollowerHealth.OK, s.health(), () -> "ctmon follower: " + s);
      assertEquals(0, s.lag(), () -> "ctmon follower: " + s);
      IssuanceSearch search = new IssuanceSearch(store.jdbi());
      for (String item : WATCH) {
        IssuanceQuery q = IssuanceQuery.of(Criterion.Name.parse(item), Instant.parse("2026-01-01T00:00:00Z"));
        Optional<String> cursor = Optional.empty();
        do {
          Page<IssuanceSummary> page = search.search(q, cursor, IssuanceSearch.MAX_LIMIT);
          for (IssuanceSummary i : page.items()) {
            List<String> names = new ArrayList<>(i.dnsNames());
            names.addAll(i.ipAddresses());
            out.put(i.tbsSha256(), names);
          }
          cursor = page.next();
        } while (cursor.isPresent());
      }
    } finally {
      pool.shutdownNow();
    }
    return out;
  }

  private static List<String> names(TestIssuance i) {
    List<String> names = new ArrayList<>();
    for (SanName n : i.request().names().sans()) {
      if (n instanceof SanName.Dns d) {
        names.add(d.name());
      } else if (n instanceof SanName.Ip ip) {
        names.add(ip.address().getHostAddress());
      }
    }
    i.request().names().commonName().ifPresent(cn -> names.add("CN=" + cn));
    return names;
  }

  private static boolean watched(String name) {
    String n = (name.startsWith("CN=") ? name.substring(3) : name).toLowerCase(Locale.ROOT);
    for (String w : WATCH) {
      String d = w.substring(1);
      if (n.equals(d) || n.endsWith("." + d)) {
        return true;
      }
    }
    return false;
  }

  private static String differences(String a, Map<Sha256, List<String>> in, String b, Map<Sha256, List<String>> of) {
    StringBuilder s = new StringBuilder();
    Set<String> onlyA = new TreeSet<>();
    in.forEach((k, v) -> {
      if (!of.containsKey(k)) {
        onlyA.add(k.hex() + " " + v);
      }
    });
    Set<String> onlyB = new TreeSet<>();
    of.forEach((k, v) -> {
      if (!in.containsKey(k)) {
        onlyB.add(k.hex() + " " + v);
      }
    });
    onlyA.forEach(x -> s.append("  only ").append(a).append(" (not ").append(b).append("): ").append(x).append('\n'));
    onlyB.forEach(x -> s.append("  only ").append(b).append(" (not ").append(a).append("): ").append(x).append('\n'));
    return s.toString();
  }

  private static String tail(Path f) {
    try {
      List<String> l = Files.readAllLines(f, StandardCharsets.UTF_8);
      return String.join("\n", l.subList(Math.max(0, l.size() - 30), l.size()));
    } catch (java.io.IOException e) {
      return "(none)";
    }
  }
}
