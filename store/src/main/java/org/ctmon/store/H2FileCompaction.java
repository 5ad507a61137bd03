package org.ctmon.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Rewrites an embedded H2 database file so that it holds only live pages.
 *
 * <p>Why: H2's MVStore never overwrites a page; every commit appends the pages it changed and
 * space is reused only once a whole chunk is dead. With commits of a thousand entries spread over
 * the name index, the file grows to several times the live data while ctmon ingests
 * (docs/benchmarks.md), and H2 does not give
 * the space back by itself. Compaction needs the database to itself, so it runs with the monitor
 * stopped ({@code ctmon compact}); PostgreSQL reclaims space with its own (auto)vacuum instead.
 */
public final class H2FileCompaction {
  /** H2's error code for a database file another process holds open. */
  private static final int DATABASE_ALREADY_OPEN = 90020;

  private H2FileCompaction() {}

  /** What a compaction did: the file, its size before and after, and how long it took. */
  public record Outcome(Path file, long bytesBefore, long bytesAfter, Duration took) {}

  /**
   * Compacts the H2 file database of {@code jdbcUrl} ({@code jdbc:h2:file:PATH} or
   * {@code jdbc:h2:PATH}) as {@code user}. Never creates a database: a URL naming no existing file
   * is an error. H2 writes the compacted copy next to the file and then replaces the file, so it
   * needs free space for the live data (a quarter to a sixth of a grown file).
   *
   * @throws StoreException if the URL is not an embedded H2 file, the file does not exist, another
   *     process (a running ctmon) holds it open, or H2 fails; the file is then left as it was
   */
  public static Outcome compact(String jdbcUrl, String user, String password) {
    Path file = fileOf(jdbcUrl);
    if (!Files.isRegularFile(file)) {
      throw new StoreException("no H2 database at " + file);
    }
    long before = size(file);
    long start = System.nanoTime();
    String url = Vendor.H2.completeUrl(jdbcUrl);
    if (!url.toUpperCase(Locale.ROOT).contains(";IFEXISTS=")) {
      url += ";IFEXISTS=TRUE";
    }
    if (!url.toUpperCase(Locale.ROOT).contains(";TRACE_LEVEL_FILE=")) {
      url += ";TRACE_LEVEL_FILE=0"; // a refused attempt would otherwise leave a .trace.db next to the data
    }
    try (Connection c = DriverManager.getConnection(url, user, password);
         Statement s = c.createStatement()) {
      s.execute("SHUTDOWN COMPACT");
    } catch (SQLException e) {
      if (e.getErrorCode() == DATABASE_ALREADY_OPEN) {
        throw new StoreException("the H2 database " + file + " is in use by another process"
            + " (a running ctmon?): stop it, then compact", e);
      }
      throw new StoreException("cannot compact the H2 database " + file + ": " + e.getMessage(), e);
    }
    return new Outcome(file, before, size(file), Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * How much of an open H2 file is live.
   *
   * @param file the {@code .mv.db} file
   * @param bytes its size
   * @param livePercent the share of the file's chunk bytes still live, by H2's own count
   *     ({@code info.CHUNKS_FILL_RATE}); an over-estimate, compaction finds (docs/benchmarks.md)
   */
  public record FileUse(Path file, long bytes, int livePercent) {
    /** What compaction would give back to the disk, at least. */
    public long reclaimableBytes() {
      return bytes - bytes * livePercent / 100;
    }
  }

  /** How much of the H2 file behind {@code jdbi} is live; empty on PostgreSQL or an in-memory H2. */
  public static Optional<FileUse> measure(Jdbi jdbi) {
    if (Vendor.of(jdbi) != Vendor.H2) {
      return Optional.empty();
    }
    return jdbi.withHandle(h -> {
      String path = h.createQuery("CALL DATABASE_PATH()").mapTo(String.class).findOne().orElse(null);
      Optional<Integer> live = h.createQuery(
              "SELECT setting_value FROM information_schema.settings WHERE setting_name = 'info.CHUNKS_FILL_RATE'")
          .mapTo(String.class).findOne().map(Integer::parseInt);
      if (path == null || live.isEmpty()) {
        return Optional.empty();
      }
      Path file = Path.of(path + ".mv.db").toAbsolutePath().normalize();
      return Optional.of(new FileUse(file, size(file), live.get()));
    });
  }

  /** The {@code .mv.db} file of an embedded H2 URL, with {@code ~} expanded as H2 does. */
  static Path fileOf(String jdbcUrl) {
    if (!jdbcUrl.startsWith("jdbc:h2:")) {
      // The URL is not repeated: a PostgreSQL URL may carry a password.
      throw new StoreException("compaction is for the embedded H2 database; database.url is not H2"
          + (jdbcUrl.startsWith("jdbc:postgresql:")
              ? " (PostgreSQL reclaims space itself: autovacuum, or VACUUM FULL to return it to the disk)" : ""));
    }
    String rest = jdbcUrl.substring("jdbc:h2:".length());
    int semicolon = rest.indexOf(';');
    String path = semicolon < 0 ? rest : rest.substring(0, semicolon);
    if (path.startsWith("file:")) {
      path = path.substring("file:".length());
    } else if (path.startsWith("mem:") || path.startsWith("tcp:") || path.startsWith("ssl:")
        || path.matches("^[a-zA-Z]{2,}:.*")) {
      throw new StoreException("compaction needs an embedded H2 file URL (jdbc:h2:file:PATH), not "
          + StoreConfig.maskedUrl(jdbcUrl)
          + (path.startsWith("tcp:") || path.startsWith("ssl:") ? "; compact on the H2 server's host" : ""));
    }
    if (path.isEmpty()) {
      throw new StoreException("no file path in database.url");
    }
    if (path.equals("~") || path.startsWith("~/")) {
      path = System.getProperty("user.home") + path.substring(1);
    }
    return Path.of(path + ".mv.db").toAbsolutePath().normalize();
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new StoreException("cannot read the size of " + file + ": " + e.getMessage(), e);
    }
  }
}
