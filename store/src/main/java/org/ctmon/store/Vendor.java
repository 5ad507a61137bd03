package org.ctmon.store;

import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

/** The two databases ctmon runs on; the schema and SQL are shared, the URL settings differ. */
public enum Vendor {
  H2("h2"),
  POSTGRESQL("postgresql");

  /** Largest H2 page cache added to URLs that do not set {@code CACHE_SIZE}, in KB. */
  static final int DEFAULT_H2_CACHE_KB = 262_144;
  /** H2's own default page cache, in KB: the least ctmon gives it. */
  static final int MIN_H2_CACHE_KB = 16_384;
  private final String migrationFolder;

  Vendor(String migrationFolder) {
    this.migrationFolder = migrationFolder;
  }

  /** The vendor of a JDBC URL. */
  public static Vendor of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException("not an H2 or PostgreSQL JDBC URL: " + jdbcUrl);
  }

  /**
   * The vendor of a store's Jdbi: {@link Store} defines it once when it opens, so code that only
   * holds the Jdbi (ingest, search) never asks the connection's metadata again.
   */
  public static Vendor of(Jdbi jdbi) {
    Object v = jdbi.getConfig(SqlStatements.class).getAttribute(JDBI_ATTRIBUTE);
    if (!(v instanceof Vendor vendor)) {
      throw new IllegalStateException("this Jdbi was not opened by Store: it does not say its database vendor");
    }
    return vendor;
  }

  /** The Jdbi attribute under which {@link Store} defines its vendor. */
  static final String JDBI_ATTRIBUTE = "ctmon.vendor";

  /** Flyway location of the migrations only this vendor runs (besides the common ones). */
  String vendorLocation() {
    return "classpath:db/migration/" + migrationFolder;
  }

  /**
   * The URL with the settings the store relies on. H2: PostgreSQL mode (for
   * {@code ON CONFLICT DO NOTHING}), lower-case identifiers and null ordering like PostgreSQL,
   * and a 256 MB page cache.
   * Settings the user wrote are kept; only missing ones are added.
   */
  String completeUrl(String url) {
    if (this != H2) {
      return url;
    }
    String upper = url.toUpperCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(url);
    if (!upper.contains(";MODE=")) {
      b.append(";MODE=PostgreSQL");
    }
    if (!upper.contains(";DATABASE_TO_LOWER=")) {
      b.append(";DATABASE_TO_LOWER=TRUE");
    }
    if (!upper.contains(";DEFAULT_NULL_ORDERING=")) {
      b.append(";DEFAULT_NULL_ORDERING=HIGH");
    }
    if (!upper.contains(";WRITE_DELAY=")) {
      // H2 otherwise writes a commit up to 500 ms later: a kill -9 in that window loses a commit
      // that had returned. Followers re-fetch such a batch, but an alert or a position the
      // operator saw must not go back in time. One write per batch of ~1,000 entries is cheap.
      b.append(";WRITE_DELAY=0");
    }
    if (!upper.contains(";QUERY_CACHE_SIZE=")) {
      // Each pooled session keeps its parsed statements; H2's 8 are fewer than one search page
      // uses (candidates per partition group, rows, names, addresses), so every search re-parsed.
      b.append(";QUERY_CACHE_SIZE=64");
    }
    if (!upper.contains(";CACHE_SIZE=")) {
      // A page cache well above H2's default 16 MB (h2CacheKb): name searches over millions of
      // names stay in memory instead of reading pages again (docs/benchmarks.md).
      b.append(";CACHE_SIZE=").append(h2CacheKb(Runtime.getRuntime().maxMemory()));
    }
    return b.toString();
  }

  /**
   * The page cache for a JVM whose heap may grow to {@code maxHeapBytes}: 256 MB, but at most a
   * quarter of the heap (and never under H2's own 16 MB). Catch-up with a 256 MB heap and the
   * 256 MB cache spent most of its time collecting garbage: a small machine's heap is not H2's alone.
   */
  static int h2CacheKb(long maxHeapBytes) {
    long quarterKb = maxHeapBytes / 4 / 1024;
    return (int) Math.max(MIN_H2_CACHE_KB, Math.min(DEFAULT_H2_CACHE_KB, quarterKb));
  }
}
