package org.ctmon.store.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.ctmon.store.NameKey;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.Vendor;
import org.ctmon.store.issuance.Criterion;
import org.ctmon.store.issuance.IssuanceSearch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Search latency over a database that is already filled (for instance the H2 file a long
 * {@link StoreBenchmarkTest} run left behind): {@code -Dctmon.bench.url=jdbc:h2:file:/path/ctmon}.
 * Query names are sampled from the stored names; subdomain searches use their registrable part.
 */
@Tag("bench")
final class ExistingDatabaseBenchmarkTest {

  @Test
  void searchesAnExistingDatabase() {
    String url = System.getProperty("ctmon.bench.url");
    Assumptions.assumeTrue(url != null, "set ctmon.bench.url");
    try (Store s = Store.open(StoreConfig.defaults().withDatabase(url, System.getProperty("ctmon.bench.user", ""),
        System.getProperty("ctmon.bench.password", "")))) {
      // Through each database's key of the names table (V4): H2's is name_key alone, PostgreSQL's
      // (issuance_id, name_key); a column outside the key would mean a full scan per sample.
      long[] range = s.jdbi().withHandle(h -> h.createQuery("SELECT MIN(name_key), MAX(name_key), COUNT(*)"
          + " FROM issuance_names").map((rs, ctx) -> new long[] {rs.getLong(1) / NameKey.MAX_NAMES,
              rs.getLong(2) / NameKey.MAX_NAMES, rs.getLong(3)}).one());
      String sample = s.vendor() == Vendor.H2
          ? "SELECT name FROM issuance_names WHERE name_key >= :key ORDER BY name_key LIMIT 1"
          : "SELECT name FROM issuance_names WHERE issuance_id >= :id ORDER BY issuance_id, name_key LIMIT 1";
      System.out.printf("bench existing %s: %d names%n", url, range[2]);
      Random r = new Random(5);
      List<String> names = new ArrayList<>();
      List<String> domains = new ArrayList<>();
      while (names.size() < 1000) {
        long id = range[0] + (long) (r.nextDouble() * (range[1] - range[0]));
        Optional<String> n = s.jdbi().withHandle(h -> h.createQuery(sample).bind("id", id).bind("key", NameKey.first(id))
            .mapTo(String.class)
            .findOne());
        if (n.isPresent()) {
          names.add(n.get());
          domains.add(registrable(n.get()));
        }
      }
      IssuanceSearch search = new IssuanceSearch(s.jdbi());
      Instant now = Instant.parse("2026-02-01T00:00:00Z");
      StoreBenchmarkTest.measure("existing exact", search, names, q -> new Criterion.Name(q, false), now, false);
      StoreBenchmarkTest.measure("existing subdomains", search, domains, q -> new Criterion.Name(q, true), now, false);
      StoreBenchmarkTest.measure("existing subdomains unexpired", search, domains, q -> new Criterion.Name(q, true), now, true);
    }
  }

  private static String registrable(String name) {
    String[] l = name.split("\\.");
    int keep = l.length >= 3 && (l[l.length - 2].equals("co") || l[l.length - 2].equals("com")) ? 3 : 2;
    return String.join(".", Arrays.copyOfRange(l, Math.max(0, l.length - keep), l.length));
  }
}
