package org.ctmon.store.issuance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link NameFilter} of every index partition of one H2 database, so a name search descends
 * only into the partitions that may hold the name ({@link org.ctmon.store.IndexPartition}: on H2
 * each search key is sought once per partition, hundreds of descents at a million issuances).
 *
 * <p>Kept in memory, about 10 bits per stored key and domain. At start the partitions on disk are
 * read in the background, newest first; until its filter is built, a partition is always searched.
 * Ingest records each name it writes before its transaction commits, so a search that can see a row
 * always finds its bits. One instance per database file in the JVM, shared by every {@code Store}
 * opened on it, so no writer's names are missed by another's searches. PostgreSQL, with one
 * partition, needs none. Thread safe.
 */
public final class NameFilters {
  private static final Logger LOG = LoggerFactory.getLogger(NameFilters.class);
  /** Bits of a filter started for a partition that fills while ctmon runs (64 KB). */
  private static final int LIVE_LOG2_BITS = 19;
  private static final Map<String, NameFilters> BY_DATABASE = new ConcurrentHashMap<>();
  /** The Jdbi attribute under which {@link org.ctmon.store.Store} defines an H2 database's filters. */
  public static final String JDBI_ATTRIBUTE = "ctmon.nameFilters";

  private final Map<Long, NameFilter> ready = new ConcurrentHashMap<>();
  private final Map<Long, NameFilter> building = new ConcurrentHashMap<>();
  /** What ingest wrote into a partition while its filter was being built, when it wrote anything. */
  private final Map<Long, NameFilter> writtenDuringBuild = new ConcurrentHashMap<>();
  /** The newest {@code first_seen} of each partition's issuances, once known (an upper bound). */
  private final Map<Long, Long> newestSeen = new ConcurrentHashMap<>();
  /** Partitions at or below this one existed at start: one without a filter is not known empty. */
  private volatile long lastAtStart = Long.MIN_VALUE;
  private int users;
  /** Set when the last store on the database closes: the builder stops between partitions. */
  private volatile boolean closed;
  private volatile Thread builder;

  private NameFilters() {}

  /**
   * The filters of the H2 database at {@code jdbcUrl}, started on first use: the partitions up to
   * the newest on disk are built in the background from {@code jdbi}. Pair with {@link #release}.
   */
  public static NameFilters open(String jdbcUrl, Jdbi jdbi) {
    String key = databaseKey(jdbcUrl);
    NameFilters filters;
    boolean fresh;
    synchronized (BY_DATABASE) {
      filters = BY_DATABASE.get(key);
      fresh = filters == null;
      if (fresh) {
        filters = new NameFilters();
        BY_DATABASE.put(key, filters);
      }
      filters.users++;
    }
    if (fresh) {
      filters.startBuilding(jdbi, key);
    }
    return filters;
  }

  /**
   * Forgets the database's filters when the last store on it closes, and waits for their builder
   * to stop: call before closing the pool, so no connection outlives the store (a command's short
   * store must leave the H2 file free for the next process).
   */
  public static void release(String jdbcUrl) {
    String key = databaseKey(jdbcUrl);
    NameFilters last = null;
    synchronized (BY_DATABASE) {
      NameFilters f = BY_DATABASE.get(key);
      if (f != null && --f.users == 0) {
        BY_DATABASE.remove(key);
        last = f;
      }
    }
    if (last != null) {
      last.stopBuilding();
    }
  }

  private void stopBuilding() {
    closed = true;
    Thread t = builder;
    if (t != null) {
      try {
        t.join(30_000); // one partition's read at most
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The filters the store that opened {@code jdbi} defined, or empty (PostgreSQL). */
  public static Optional<NameFilters> of(Jdbi jdbi) {
    return Optional.ofNullable((NameFilters) jdbi.getConfig(SqlStatements.class).getAttribute(JDBI_ATTRIBUTE));
  }

  /** Records a name key ingest is writing into {@code part}; call before the transaction commits. */
  public void record(long part, String key) {
    if (!building.containsKey(part)) {
      // Built or started live: never dropped, so no lock (ingest records every name it writes).
      NameFilter f = ready.get(part);
      if (f != null) {
        f.record(key);
        return;
      }
    }
    recordLocked(part, key);
  }

  private synchronized void recordLocked(long part, String key) {
    NameFilter f = building.get(part);
    if (f == null) {
      f = ready.get(part);
    }
    if (f == null) {
      if (part > lastAtStart) {
        // A partition newer than any at start is empty until ingest writes it: complete from its first name.
        f = new NameFilter(LIVE_LOG2_BITS);
        ready.put(part, f);
      } else {
        f = new NameFilter(LIVE_LOG2_BITS); // never built: the partition stays searched
        building.put(part, f);
      }
    } else if (building.containsKey(part)) {
      writtenDuringBuild.putIfAbsent(part, f);
    }
    f.record(key);
  }

  /**
   * Records an issuance ingest is writing into {@code part}, first seen at {@code firstSeen}; call
   * before the transaction commits. ({@code first_seen} is never updated, so the newest stays an
   * upper bound.)
   */
  public void recordSeen(long part, long firstSeen) {
    newestSeen.merge(part, firstSeen, Math::max);
  }

  /**
   * The newest {@code first_seen} in {@code part}, or {@link Long#MAX_VALUE} while unknown: a search
   * may stop before a partition only when it knows the partition holds nothing newer.
   */
  long newestFirstSeen(long part) {
    return ready.containsKey(part) ? newestSeen.getOrDefault(part, Long.MIN_VALUE) : Long.MAX_VALUE;
  }

  /**
   * Of the partitions {@code from..to}, those {@code test} cannot rule out: every partition without
   * a built filter, and those whose filter says "maybe".
   */
  List<Long> partitions(long from, long to, Predicate<NameFilter> test) {
    List<Long> out = new ArrayList<>();
    for (long p = to; p >= from; p--) {
      NameFilter f = ready.get(p);
      NameFilter during = writtenDuringBuild.get(p);
      if (f == null ? p <= lastAtStart || building.containsKey(p) : test.test(f) || during != null && test.test(during)) {
        out.add(p);
      }
    }
    return out;
  }

  /** Whether every partition present at start has its filter (for tests and the log line). */
  public boolean built() {
    return building.isEmpty() && lastAtStart != Long.MIN_VALUE;
  }

  private void startBuilding(Jdbi jdbi, String database) {
    long[] range = jdbi.withHandle(h -> h.createQuery("SELECT MIN(part), MAX(part) FROM issuances")
        .map((rs, ctx) -> rs.getObject(1) == null ? null : new long[] {rs.getLong(1), rs.getLong(2)})
        .findOne().orElse(null));
    if (range == null) {
      lastAtStart = -1;
      return;
    }
    for (long p = range[0]; p <= range[1]; p++) {
      building.put(p, new NameFilter(LIVE_LOG2_BITS)); // collects what ingest writes meanwhile
    }
    lastAtStart = range[1];
    Thread t = new Thread(() -> build(jdbi, database, range[0], range[1]), "name-filters");
    t.setDaemon(true);
    builder = t;
    t.start();
  }

  private void build(Jdbi jdbi, String database, long from, long to) {
    long t0 = System.nanoTime();
    long keys = 0;
    long bytes = 0;
    try {
      for (long p = to; p >= from; p--) {
        if (closed) {
          return; // the store closed: unbuilt partitions stay searched in full
        }
        long part = p;
        List<String> stored = jdbi.withHandle(h -> h.createQuery(
                "SELECT name_reversed FROM issuance_names WHERE part = :part")
            .bind("part", part)
            .mapTo(String.class)
            .list());
        Optional<Long> newest = jdbi.withHandle(h -> h.createQuery(
                "SELECT MAX(first_seen) FROM issuances WHERE part = :part")
            .bind("part", part)
            .mapTo(Long.class)
            .findOne());
        newest.ifPresent(t -> recordSeen(part, t));
        List<long[]> hashes = new ArrayList<>(stored.size());
        long count = 0;
        for (String k : stored) {
          long[] h = NameFilter.hashes(k);
          hashes.add(h);
          count += h.length;
        }
        NameFilter f = NameFilter.sizedFor(count);
        for (long[] h : hashes) {
          for (long x : h) {
            f.add(x);
          }
        }
        publish(part, f);
        keys += count;
        bytes += f.bytes();
      }
      LOG.info("name filters of {} partitions built in {} ms ({} keys, {} KB): name searches now skip the"
              + " partitions that cannot hold the name", to - from + 1, (System.nanoTime() - t0) / 1_000_000, keys,
          bytes / 1024);
    } catch (RuntimeException e) {
      // Unbuilt partitions stay searched: slower, never wrong.
      LOG.warn("name filters of {} not built, searches read every partition: {}", database, e.toString());
    }
  }

  /**
   * Makes a built filter the partition's. What ingest wrote while the partition was read stays
   * consulted beside it (its bits cannot be replayed into a filter of another size); a partition
   * nobody wrote meanwhile drops its live-sized filter. Synchronized with {@link #record}, so no
   * name is recorded into a filter being dropped.
   */
  private synchronized void publish(long part, NameFilter built) {
    ready.put(part, built);
    building.remove(part);
  }

  private static String databaseKey(String jdbcUrl) {
    String rest = jdbcUrl.substring("jdbc:h2:".length());
    int semi = rest.indexOf(';');
    rest = semi < 0 ? rest : rest.substring(0, semi);
    if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:")) {
      return rest;
    }
    rest = rest.startsWith("file:") ? rest.substring(5) : rest;
    rest = rest.startsWith("~") ? System.getProperty("user.home") + rest.substring(1) : rest;
    return "file:" + Path.of(rest).toAbsolutePath().normalize();
  }
}
