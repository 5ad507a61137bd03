package org.ctmon.store;

import java.time.Duration;

/**
 * Where the database is and what is kept: the {@code database.*} and {@code retention.*} keys of
 * the configuration (documented with their defaults in {@code docs/config.md}).
 *
 * @param url JDBC URL; {@code jdbc:h2:file:...} (embedded, the default) or {@code jdbc:postgresql:...}
 * @param user database user; empty for H2's default
 * @param password database password
 * @param poolSize maximum number of pooled connections
 * @param retention what is kept, and for how long
 */
public record StoreConfig(String url, String user, String password, int poolSize, Retention retention) {
  /** The default database: an H2 file under {@code ./data}, created on first start. */
  public static final String DEFAULT_URL = "jdbc:h2:file:./data/ctmon";

  public StoreConfig {
    if (url == null || !url.startsWith("jdbc:")) {
      throw new IllegalArgumentException("database.url must be a JDBC URL, not " + url);
    }
    if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("database.url must be an H2 or PostgreSQL JDBC URL, not " + url);
    }
    user = user == null ? "" : user;
    password = password == null ? "" : password;
    if (poolSize < 1) {
      throw new IllegalArgumentException("database.poolSize must be at least 1, not " + poolSize);
    }
  }

  /** The defaults: H2 at {@link #DEFAULT_URL}, 8 connections, {@link Retention#DEFAULT}. */
  public static StoreConfig defaults() {
    return new StoreConfig(DEFAULT_URL, "", "", 8, Retention.DEFAULT);
  }

  /** A copy with another URL, user and password. */
  public StoreConfig withDatabase(String url, String user, String password) {
    return new StoreConfig(url, user, password, poolSize, retention);
  }

  /**
   * {@code jdbcUrl} fit to print: a password written into it ({@code ?password=} for PostgreSQL,
   * {@code ;PASSWORD=} for H2) is masked. Every message and log line that names a database URL
   * goes through here.
   */
  public static String maskedUrl(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)([?&]password=)[^&]*", "$1***").replaceAll("(?i)(;password=)[^;]*", "$1***");
  }

  /** Never the password, whatever prints this record. */
  @Override
  public String toString() {
    return "StoreConfig[url=" + maskedUrl(url) + ", user=" + user + ", password=***, poolSize=" + poolSize
        + ", retention=" + retention + "]";
  }

  /** A copy with another retention. */
  public StoreConfig withRetention(Retention retention) {
    return new StoreConfig(url, user, password, poolSize, retention);
  }

  /**
   * What is kept. Matched issuances are kept forever with their DER; every other issuance keeps
   * its metadata, names and log entries for {@code window} after it was first seen, and its DER
   * only when {@code keepAllDer}.
   *
   * @param window how long unmatched issuances are kept ({@code retention.window})
   * @param keepAllDer whether DER is stored for every issuance, not only matched ones
   *     ({@code retention.keepAllDer})
   * @param purgeBatchSize issuances deleted per purge transaction ({@code retention.purgeBatchSize})
   */
  public record Retention(Duration window, boolean keepAllDer, int purgeBatchSize) {
    /** 90 days, DER of matched issuances only, 1000 per purge transaction. */
    public static final Retention DEFAULT = new Retention(Duration.ofDays(90), false, 1000);

    public Retention {
      if (window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("retention.window must be positive, not " + window);
      }
      if (purgeBatchSize < 1 || purgeBatchSize > 100_000) {
        throw new IllegalArgumentException("retention.purgeBatchSize must be 1..100000, not " + purgeBatchSize);
      }
    }
  }
}
