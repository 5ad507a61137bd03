package org.ctmon.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.List;
import java.util.ServiceLoader;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * An open ctmon database: a connection pool, migrated to the current schema, and the Jdbi every
 * part of the store runs on.
 *
 * <pre>
 *   Store.open(config) ──> pool (HikariCP) ──> Flyway migrate (common + vendor) ──> Jdbi
 *        │
 *        └─ new Ingest(store.jdbi(), clock, ...), new IssuanceSearch(store.jdbi()), ...
 * </pre>
 *
 * <p>Thread safe; one per application, closed on shutdown. Opening creates the H2 file (and its
 * directory) on first start and applies pending migrations; a database migrated by a newer ctmon
 * fails to open with a {@link StoreException}.
 */
public final class Store implements AutoCloseable {
  static {
    // H2 keeps one array of recently read values for the whole JVM: concurrent searches contend on
    // it and spend more in it than it saves. Set before H2's SysProperties is first read.
    if (System.getProperty("h2.objectCache") == null) {
      System.setProperty("h2.objectCache", "false");
    }
  }

  private static final List<StoreAttachment> ATTACHMENTS = ServiceLoader.load(StoreAttachment.class,
      Store.class.getClassLoader()).stream().map(ServiceLoader.Provider::get).toList();

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final Vendor vendor;
  private final StoreConfig config;
  private final boolean owner;

  private Store(HikariDataSource dataSource, Vendor vendor, StoreConfig config) {
    this.dataSource = dataSource;
    this.vendor = vendor;
    this.config = config;
    this.jdbi = Jdbi.create(dataSource);
    this.owner = true;
    jdbi.define(Vendor.JDBI_ATTRIBUTE, vendor);
    for (StoreAttachment a : ATTACHMENTS) {
      a.opened(config.url(), vendor, jdbi);
    }
  }

  private Store(Store lent) {
    this.dataSource = lent.dataSource;
    this.vendor = lent.vendor;
    this.config = lent.config;
    this.jdbi = lent.jdbi;
    this.owner = false;
  }

  /**
   * This store, lent to code that closes what it opens (a command run inside the monitor): closing
   * the loan leaves the pool open.
   */
  public Store lent() {
    return new Store(this);
  }

  /** Opens and migrates the database {@code config} names. */
  public static Store open(StoreConfig config) {
    return open(config, null);
  }

  /**
   * Opens the database {@code config} names, with every connection's PostgreSQL
   * {@code search_path} set to {@code schema} when it is not {@code null} (tests isolate
   * themselves in a fresh schema this way; the schema is created if missing).
   */
  public static Store open(StoreConfig config, String schema) {
    Vendor vendor = Vendor.of(config.url());
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(vendor.completeUrl(config.url()));
    hc.setUsername(config.user());
    hc.setPassword(config.password());
    hc.setMaximumPoolSize(config.poolSize());
    hc.setPoolName("ctmon-store");
    hc.setAutoCommit(true);
    if (vendor == Vendor.POSTGRESQL) {
      // Not reWriteBatchedInserts: ingest needs each row's update count (0 = already stored).
      if (schema != null) {
        hc.addDataSourceProperty("currentSchema", schema);
      }
    }
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(hc);
    } catch (RuntimeException e) {
      throw new StoreException("error opening database " + StoreConfig.maskedUrl(config.url()) + ": " + e.getMessage(), e);
    }
    try {
      if (schema != null && vendor == Vendor.POSTGRESQL) {
        Jdbi.create(ds).useHandle(h -> h.execute("CREATE SCHEMA IF NOT EXISTS \"" + schema.replace("\"", "") + "\""));
      }
      migrate(ds, vendor, schema);
    } catch (RuntimeException e) {
      ds.close();
      throw e instanceof StoreException ? e : new StoreException("error migrating database " + StoreConfig.maskedUrl(config.url()) + ": " + e.getMessage(), e);
    }
    return new Store(ds, vendor, config);
  }

  private static void migrate(DataSource ds, Vendor vendor, String schema) {
    var fc = Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration/common", vendor.vendorLocation())
        .failOnMissingLocations(false);
    if (schema != null && vendor == Vendor.POSTGRESQL) {
      fc.schemas(schema);
    }
    fc.load().migrate();
  }

  /** The Jdbi the parts of the store run on. */
  public Jdbi jdbi() {
    return jdbi;
  }

  /** Which database this is. */
  public Vendor vendor() {
    return vendor;
  }

  /** The configuration it was opened with. */
  public StoreConfig config() {
    return config;
  }

  /** Closes the pool; in-flight transactions finish or fail. */
  @Override
  public void close() {
    if (owner) {
      for (StoreAttachment a : ATTACHMENTS) {
        a.closed(config.url(), vendor);
      }
      dataSource.close();
    }
  }
}
