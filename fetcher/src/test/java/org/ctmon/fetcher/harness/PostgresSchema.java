package org.ctmon.fetcher.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh PostgreSQL schema on the server the store's tests use ({@code CTMON_TEST_PG_URL}, {@code
 * _USER}, {@code _PASSWORD}), dropped on close, for a follower run in another JVM ({@link
 * #childProperties()}); and the CPU the server spends meanwhile, since ctmon's own process is only
 * part of the work when PostgreSQL stores it.
 *
 * <p>Without {@code CTMON_TEST_PG_URL} a test is skipped with a message, except in CI
 * ({@code CI=true}), where it fails: PostgreSQL is never silently left out there.
 */
public final class PostgresSchema implements AutoCloseable {
  private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

  public final String url;
  public final String user;
  public final String password;
  private final String baseUrl;
  private final String schema;
  private long postmaster;

  public PostgresSchema() throws SQLException {
    baseUrl = System.getenv("CTMON_TEST_PG_URL");
    if (baseUrl == null || baseUrl.isBlank()) {
      String why = "CTMON_TEST_PG_URL is not set (bash .ci/run starts PostgreSQL and sets it)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(why + ": in CI PostgreSQL tests must run");
      }
      Assumptions.abort("PostgreSQL test skipped: " + why);
    }
    user = required("CTMON_TEST_PG_USER");
    password = System.getenv().getOrDefault("CTMON_TEST_PG_PASSWORD", "");
    schema = "bench_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(baseUrl, user, password); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /**
   * The server's main process, found through this connection's backend: only where the server
   * runs on this machine, in this process namespace (what the CPU figures need; tests do not).
   */
  private long postmaster() throws SQLException, IOException {
    if (postmaster == 0) {
      try (Connection c = DriverManager.getConnection(baseUrl, user, password); Statement s = c.createStatement();
           ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
        r.next();
        long pid = r.getLong(1);
        String comm = Files.readString(Path.of("/proc", Long.toString(pid), "comm")).trim();
        if (!comm.startsWith("postgres")) {
          throw new IOException("process " + pid + " is " + comm + ", not a PostgreSQL backend: is the server"
              + " on another machine or in a container?");
        }
        postmaster = parentOf(pid);
      }
    }
    return postmaster;
  }

  private static String required(String name) {
    String v = System.getenv(name);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException(name + " is not set, CTMON_TEST_PG_URL is");
    }
    return v;
  }

  /** System properties that make a {@link FollowerProcess} log in to this schema's server. */
  public List<String> childProperties() {
    return List.of("-Dctmon.follow.dbUser=" + user, "-Dctmon.follow.dbPassword=" + password);
  }

  /**
   * CPU seconds the server has used so far: the postmaster's own and that of the backends it has
   * reaped, plus its living children (backends, WAL writer, checkpointer, autovacuum).
   */
  public double serverCpuSeconds() throws IOException, SQLException {
    long postmaster = postmaster();
    long ticks = ticks(postmaster, true);
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        String name = p.getFileName().toString();
        if (name.chars().allMatch(Character::isDigit)) {
          long pid = Long.parseLong(name);
          try {
            if (parentOf(pid) == postmaster) {
              ticks += ticks(pid, false);
            }
          } catch (IOException gone) {
            // exited meanwhile: its CPU is in the postmaster's reaped children now
          }
        }
      }
    }
    return ticks / (double) TICKS_PER_SECOND;
  }

  private static String[] statFields(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    // After the command name in parentheses: state is field 3, ppid 4, utime 14, stime 15, cutime 16, cstime 17.
    return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
  }

  private static long parentOf(long pid) throws IOException {
    return Long.parseLong(statFields(pid)[1]);
  }

  private static long ticks(long pid, boolean withReaped) throws IOException {
    String[] f = statFields(pid);
    long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    return withReaped ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(baseUrl, user, password); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }
}
