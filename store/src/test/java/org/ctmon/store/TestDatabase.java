package org.ctmon.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assumptions;

/**
 * A real database for DAO tests: an H2 file in a fresh temporary directory, or a fresh schema of
 * the PostgreSQL server at {@code CTMON_TEST_PG_URL} (user {@code CTMON_TEST_PG_USER}, password
 * {@code CTMON_TEST_PG_PASSWORD}; defaults ctmon/ctmon). Every {@link #open()} is a new, empty,
 * migrated database, dropped again on close.
 *
 * <p>PostgreSQL unreachable: with {@code CI=true} the test fails, naming the URL; otherwise it is
 * skipped with a loud message on stderr. It is never silently skipped in CI.
 */
public enum TestDatabase {
  H2,
  POSTGRESQL;

  /** Both databases, for {@code @MethodSource}. */
  public static Stream<TestDatabase> both() {
    return Stream.of(values());
  }

  /** A fresh, migrated store on this database with the default retention. */
  public Opened open() {
    return open(StoreConfig.Retention.DEFAULT);
  }

  /** A fresh, migrated store on this database. */
  public Opened open(StoreConfig.Retention retention) {
    if (this == H2) {
      try {
        Path dir = Files.createTempDirectory("ctmon-store-test");
        // ctmon.test.h2options: extra H2 URL settings, for benchmarks of H2 tuning.
        String url = "jdbc:h2:file:" + dir.resolve("ctmon").toAbsolutePath()
            + System.getProperty("ctmon.test.h2options", "");
        Store store = Store.open(new StoreConfig(url, "", "", 4, retention));
        return new Opened(store, () -> deleteTree(dir));
      } catch (IOException e) {
        throw new IllegalStateException("cannot create a temporary directory for h2", e);
      }
    }
    String url = pgUrl();
    requireReachable(url);
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
    Store store = Store.open(new StoreConfig(url, pgUser(), pgPassword(), 4, retention), schema);
    return new Opened(store, () -> dropSchema(url, schema));
  }

  /**
   * A store that an older ctmon created: migrated only up to {@code oldVersion}, written by
   * {@code oldCtmon}, then opened (and so migrated to the newest schema) as ctmon opens it.
   */
  public Opened upgradedFrom(String oldVersion, Consumer<Jdbi> oldCtmon) {
    Path dir = null;
    String url;
    String schema = null;
    String jdbcUrl;
    if (this == H2) {
      try {
        dir = Files.createTempDirectory("ctmon-store-test");
      } catch (IOException e) {
        throw new IllegalStateException("cannot create a temporary directory for h2", e);
      }
      url = "jdbc:h2:file:" + dir.resolve("ctmon").toAbsolutePath();
      jdbcUrl = Vendor.H2.completeUrl(url);
    } else {
      url = pgUrl();
      requireReachable(url);
      schema = "t_" + UUID.randomUUID().toString().replace("-", "");
      jdbcUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
    var flyway = Flyway.configure()
        .dataSource(jdbcUrl, this == H2 ? "" : pgUser(), this == H2 ? "" : pgPassword())
        .locations("classpath:db/migration/common", Vendor.of(url).vendorLocation())
        .failOnMissingLocations(false)
        .target(oldVersion);
    if (schema != null) {
      flyway.schemas(schema);
    }
    flyway.load().migrate();
    oldCtmon.accept(Jdbi.create(jdbcUrl, this == H2 ? "" : pgUser(), this == H2 ? "" : pgPassword()));
    if (this == H2) {
      Path d = dir;
      return new Opened(Store.open(new StoreConfig(url, "", "", 4, StoreConfig.Retention.DEFAULT)), () -> deleteTree(d));
    }
    String sc = schema;
    return new Opened(Store.open(new StoreConfig(url, pgUser(), pgPassword(), 4, StoreConfig.Retention.DEFAULT), sc),
        () -> dropSchema(url, sc));
  }

  /** An open test store and how to remove it. */
  public static final class Opened implements AutoCloseable {
    private final Store store;
    private final Runnable cleanup;

    Opened(Store store, Runnable cleanup) {
      this.store = store;
      this.cleanup = cleanup;
    }

    public Store store() {
      return store;
    }

    @Override
    public void close() {
      store.close();
      cleanup.run();
    }
  }

  static String pgUrl() {
    String url = System.getenv("CTMON_TEST_PG_URL");
    return url == null || url.isBlank() ? "jdbc:postgresql://127.0.0.1:5432/ctmon_test" : url;
  }

  static String pgUser() {
    String u = System.getenv("CTMON_TEST_PG_USER");
    return u == null || u.isBlank() ? "ctmon" : u;
  }

  static String pgPassword() {
    String p = System.getenv("CTMON_TEST_PG_PASSWORD");
    return p == null ? "ctmon" : p;
  }

  private static volatile String unreachable;

  private static void requireReachable(String url) {
    if (unreachable == null) {
      try (Connection c = DriverManager.getConnection(url, pgUser(), pgPassword())) {
        unreachable = c.isValid(5) ? "" : "connection not valid";
      } catch (SQLException e) {
        unreachable = e.getMessage();
      }
    }
    if (unreachable.isEmpty()) {
      return;
    }
    String message = "postgresql at " + url + " (CTMON_TEST_PG_URL) is unreachable: " + unreachable;
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError(message + "; in CI every postgresql test must run (.ci/services.d/postgresql.sh)");
    }
    System.err.println("!!!!! SKIPPING POSTGRESQL TEST: " + message
        + " -- start it with: CI=true bash -c 'source .ci/services.d/postgresql.sh'");
    Assumptions.abort(message);
  }

  private static void dropSchema(String url, String schema) {
    try (Connection c = DriverManager.getConnection(url, pgUser(), pgPassword())) {
      c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test schema " + schema, e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      List<Path> paths = s.sorted(Comparator.reverseOrder()).toList();
      for (Path p : paths) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot delete " + dir, e);
    }
  }
}
