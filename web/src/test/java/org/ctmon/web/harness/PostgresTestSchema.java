package org.ctmon.web.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh schema on the test PostgreSQL server ({@code CTMON_TEST_PG_URL}, {@code _USER}, {@code
 * _PASSWORD}; the store tests' defaults otherwise), dropped on close: for ctmon processes and
 * commands pointed at PostgreSQL. Unreachable PostgreSQL skips the test, except in CI, where it
 * fails.
 */
public final class PostgresTestSchema implements AutoCloseable {
  public static final String PG_URL = System.getenv().getOrDefault("CTMON_TEST_PG_URL",
      "jdbc:postgresql://127.0.0.1:5432/ctmon_test");
  public static final String PG_USER = System.getenv().getOrDefault("CTMON_TEST_PG_USER", "ctmon");
  public static final String PG_PASSWORD = System.getenv().getOrDefault("CTMON_TEST_PG_PASSWORD", "ctmon");

  /** The schema's JDBC URL, without credentials. */
  public final String url;
  private final String schema;

  public PostgresTestSchema() {
    this.schema = "t_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("postgresql at " + PG_URL + " is unreachable; in CI it must run", e);
      }
      System.err.println("!!!!! SKIPPING POSTGRESQL TEST: " + PG_URL + ": " + e.getMessage());
      Assumptions.abort("postgresql unreachable: " + e.getMessage());
    }
    this.url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
      c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }
}
