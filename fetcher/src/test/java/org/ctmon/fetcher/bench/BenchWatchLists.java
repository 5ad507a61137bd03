package org.ctmon.fetcher.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ctmon.testlog.pki.NameMix;
import org.ctmon.testlog.pki.SanName;

/**
 * A large watch-list load put into a ctmon database the way an operator would: {@code ctmon user
 * add} and {@code ctmon watchlist import} with certspotter files of at most 10,000 items (the list
 * cap), one account per file. Most items are brand-like names no test-log certificate carries; one
 * in 100 is a domain of the test log's name mix as a tree, so some certificates match and alert.
 */
final class BenchWatchLists {
  private static final int PER_LIST = 10_000;
  private static final String[] TLDS = {"com", "net", "org", "de", "io", "co.uk", "fr", "jp", "example"};

  private BenchWatchLists() {}

  /**
   * Imports {@code items} watch items into the database the command prefix {@code env} (an
   * {@code env -C run VAR=...} prefix without the launcher) points the launcher at.
   */
  static void importInto(List<String> env, Path launcher, Path run, int items) throws Exception {
    long t0 = System.nanoTime();
    List<String> all = items(items);
    for (int list = 0; list * PER_LIST < all.size(); list++) {
      String email = "bench-" + list + "@example.test";
      run(env, launcher, run, List.of("user", "add", email));
      Path file = run.resolve("watchlist-" + list + ".txt");
      Files.write(file, all.subList(list * PER_LIST, Math.min(all.size(), (list + 1) * PER_LIST)));
      run(env, launcher, run, List.of("watchlist", "import", "--name", "bench", email, file.toString()));
    }
    System.out.printf(Locale.ROOT, "bench: imported %,d watch items in %d lists in %.1f s (untimed)%n", all.size(),
        (all.size() + PER_LIST - 1) / PER_LIST, (System.nanoTime() - t0) / 1e9);
  }

  /** The matches and alerts a run stored, read from its H2 file after it stopped. */
  static String matchesIn(Path database) {
    try (Connection c = DriverManager.getConnection(
        "jdbc:h2:file:" + database + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;ACCESS_MODE_DATA=r", "", "");
        Statement s = c.createStatement()) {
      return "stored " + count(s, "SELECT COUNT(*) FROM matches") + " matches of "
          + count(s, "SELECT COUNT(DISTINCT issuance_id) FROM matches") + " issuances, and "
          + count(s, "SELECT COUNT(*) FROM outbox") + " alerts, among " + count(s, "SELECT COUNT(*) FROM issuances")
          + " issuances";
    } catch (SQLException e) {
      return "matches not counted: " + e.getMessage();
    }
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static List<String> items(int count) {
    NameMix mix = new NameMix(1234);
    SplittableRandom random = new SplittableRandom(42);
    List<String> items = new ArrayList<>(count);
    while (items.size() < count) {
      if (items.size() % 100 == 0) {
        for (SanName s : mix.next().sans()) {
          if (s instanceof SanName.Dns d && !d.name().startsWith("*.")) {
            items.add("." + (d.name().startsWith("www.") ? d.name().substring(4) : d.name()));
            break;
          }
        }
      } else {
        StringBuilder brand = new StringBuilder();
        for (int i = 5 + random.nextInt(8); i > 0; i--) {
          brand.append((char) ('a' + random.nextInt(26)));
        }
        String item = brand + "." + TLDS[random.nextInt(TLDS.length)];
        items.add(random.nextInt(3) == 0 ? "." + item : item);
      }
    }
    return items;
  }

  private static void run(List<String> env, Path launcher, Path run, List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>(env);
    cmd.add(launcher.toString());
    cmd.addAll(args);
    Path out = run.resolve("setup.out");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    boolean exited = p.waitFor(5, TimeUnit.MINUTES);
    assertTrue(exited && p.exitValue() == 0, () -> "ctmon " + String.join(" ", args) + " failed: " + read(out));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
