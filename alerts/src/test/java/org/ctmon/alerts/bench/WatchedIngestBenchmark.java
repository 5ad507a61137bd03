package org.ctmon.alerts.bench;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ctmon.alerts.match.VerdictProbe;
import org.ctmon.alerts.match.WatchStateSource;
import org.ctmon.alerts.match.WatchedIngest;
import org.ctmon.alerts.outbox.WebhookFormat;
import org.ctmon.alerts.stored.EmailRecipients;
import org.ctmon.alerts.stored.Watchlists;
import org.ctmon.alerts.stored.Webhooks;
import org.ctmon.alerts.watch.CaaIssuers;
import org.ctmon.alerts.watch.WatchlistSpec;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.ctmon.store.TestDatabase;
import org.ctmon.store.ingest.Ingest;
import org.ctmon.store.ingest.IngestBatch;
import org.ctmon.store.ingest.IngestResult;
import org.ctmon.store.ingest.Issuance;
import org.ctmon.store.ingest.TestIssuances;
import org.ctmon.testlog.pki.NameMix;
import org.ctmon.testlog.pki.Names;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What 100,000 watch items cost catch-up: the same batches committed into two H2 file stores, one
 * through {@link Ingest#commit} and one through {@link WatchedIngest#commit} with 1,000 accounts of
 * 100 items each (one list in ten with lookalikes on, every account with an email recipient, one in
 * four with a webhook), alternating which store goes first. Prints issuances/s for both and the
 * overhead. Sizes by {@code -Dctmon.bench.batches} (200) and {@code -Dctmon.bench.batchSize}
 * (1,000). Asserts nothing about speed.
 */
@Tag("bench")
final class WatchedIngestBenchmark {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T00:00:00Z"), ZoneOffset.UTC);
  private static final int ACCOUNTS = 1_000;
  private static final int ITEMS_PER_ACCOUNT = 100;
  /**
   * One issuance in this many gets its domain watched: about 0.1% of the stream matches, as
   * {@link NameMix}'s few-syllable domains recur (every 1,000th gave 1.3%).
   */
  private static final int WATCHED_EVERY = Integer.getInteger("ctmon.bench.watchedEvery", 10_000);

  @Test
  void printsIssuancesPerSecondWithAndWithoutOneHundredThousandWatchItems() {
    int batches = Integer.getInteger("ctmon.bench.batches", 200);
    int batchSize = Integer.getInteger("ctmon.bench.batchSize", 1_000);
    List<List<Issuance>> stream = stream(batches * batchSize, batchSize);
    try (var plainDb = TestDatabase.H2.open(); var watchedDb = TestDatabase.H2.open()) {
      TestIssuances.registerLogs(plainDb.store());
      TestIssuances.registerLogs(watchedDb.store());
      Ingest plain = new Ingest(plainDb.store().jdbi(), CLOCK, false);
      WatchStateSource source = new WatchStateSource(watchedDb.store().jdbi(), CLOCK, CaaIssuers.bundled());
      long t0 = System.nanoTime();
      int items = loadWatchLists(watchedDb.store().jdbi(), stream);
      source.refresh();
      System.out.printf(Locale.ROOT, "%nwatched ingest benchmark (%s, %d cores): %,d watch items in %,d lists stored"
              + " and loaded in %.1f s%n", Runtime.version(), Runtime.getRuntime().availableProcessors(), items,
          source.watchLists(), (System.nanoTime() - t0) / 1e9);
      WatchedIngest watched = new WatchedIngest(new Ingest(watchedDb.store().jdbi(), CLOCK, false), source,
          "https://ctmon.example/", () -> { });
      long plainNanos = 0;
      long watchedNanos = 0;
      long matches = 0;
      long alerts = 0;
      long matchedIssuances = 0;
      long next = 0;
      long[] plainEach = new long[stream.size()];
      long[] watchedEach = new long[stream.size()];
      for (int b = 0; b < stream.size(); b++) {
        IngestBatch batch = TestIssuances.batch(TestIssuances.LOG_A, next, stream.get(b));
        next += stream.get(b).size();
        for (int turn = 0; turn < 2; turn++) {
          boolean plainTurn = (b + turn) % 2 == 0;
          long s = System.nanoTime();
          IngestResult r = plainTurn ? plain.commit(batch) : watched.commit(batch);
          long took = System.nanoTime() - s;
          if (plainTurn) {
            plainNanos += took;
            plainEach[b] = took;
          } else {
            watchedNanos += took;
            watchedEach[b] = took;
            matches += r.newMatches();
            alerts += r.newAlerts();
          }
        }
        for (Issuance i : stream.get(b)) {
          matchedIssuances += VerdictProbe.of(source, i).isEmpty() ? 0 : 1;
        }
      }
      long n = next;
      double plainRate = n / (plainNanos / 1e9);
      double watchedRate = n / (watchedNanos / 1e9);
      System.out.printf(Locale.ROOT, "%,d batches of %,d: plain %,.0f issuances/s, watched %,.0f issuances/s,"
              + " overhead %.1f%% of the plain time; %,d issuances matched (%.2f%%), %,d matches, %,d alerts%n",
          stream.size(), batchSize, plainRate, watchedRate, 100.0 * (watchedNanos - plainNanos) / plainNanos,
          matchedIssuances, 100.0 * matchedIssuances / n, matches, alerts);
      // Sums catch every pause of either store's H2 writer or the collector; the medians of the
      // per-batch times, taken side by side, are what one batch costs without them.
      Arrays.sort(plainEach);
      Arrays.sort(watchedEach);
      long plainMedian = plainEach[plainEach.length / 2];
      long watchedMedian = watchedEach[watchedEach.length / 2];
      System.out.printf(Locale.ROOT, "median batch: plain %.2f ms, watched %.2f ms, overhead %.1f%%%n",
          plainMedian / 1e6, watchedMedian / 1e6, 100.0 * (watchedMedian - plainMedian) / plainMedian);
      long m0 = System.nanoTime();
      for (List<Issuance> batch : stream) {
        for (Issuance i : batch) {
          VerdictProbe.of(source, i);
        }
      }
      System.out.printf(Locale.ROOT, "matching alone (no store): %,.0f issuances/s%n",
          n / ((System.nanoTime() - m0) / 1e9));
    }
  }

  /**
   * The same cost measured inside one store: two streams with the same names (different TBS
   * hashes), batch by batch one through plain ingest into log A and the other through the watched
   * ingest into log B, swapping streams every batch. Both sides share the H2 file, its writer, the
   * heap with the loaded watch lists and the collector, so only matching and what it writes differ.
   */
  @Test
  void printsTheOverheadWithinOneStore() {
    int batches = Integer.getInteger("ctmon.bench.batches", 200);
    int batchSize = Integer.getInteger("ctmon.bench.batchSize", 1_000);
    List<List<Issuance>> a = stream(batches * batchSize, batchSize, "a ");
    List<List<Issuance>> b = stream(batches * batchSize, batchSize, "b ");
    try (var db = TestDatabase.H2.open()) {
      TestIssuances.registerLogs(db.store());
      loadWatchLists(db.store().jdbi(), a);
      WatchStateSource source = new WatchStateSource(db.store().jdbi(), CLOCK, CaaIssuers.bundled());
      source.refresh();
      Ingest plain = new Ingest(db.store().jdbi(), CLOCK, false);
      WatchedIngest watched = new WatchedIngest(plain, source, "https://ctmon.example/", () -> { });
      long[] plainEach = new long[batches];
      long[] watchedEach = new long[batches];
      long nextA = 0;
      long nextB = 0;
      for (int k = 0; k < batches; k++) {
        List<Issuance> toPlain = k % 2 == 0 ? a.get(k) : b.get(k);
        List<Issuance> toWatched = k % 2 == 0 ? b.get(k) : a.get(k);
        IngestBatch pb = TestIssuances.batch(TestIssuances.LOG_A, nextA, toPlain);
        IngestBatch wb = TestIssuances.batch(TestIssuances.LOG_B, nextB, toWatched);
        nextA += toPlain.size();
        nextB += toWatched.size();
        for (int turn = 0; turn < 2; turn++) {
          boolean plainTurn = (k + turn) % 2 == 0;
          long s = System.nanoTime();
          if (plainTurn) {
            plain.commit(pb);
            plainEach[k] = System.nanoTime() - s;
          } else {
            watched.commit(wb);
            watchedEach[k] = System.nanoTime() - s;
          }
        }
      }
      long plainSum = Arrays.stream(plainEach).sum();
      long watchedSum = Arrays.stream(watchedEach).sum();
      Arrays.sort(plainEach);
      Arrays.sort(watchedEach);
      long pm = plainEach[batches / 2];
      long wm = watchedEach[batches / 2];
      System.out.printf(Locale.ROOT, "one store, %,d batches of %,d each side: plain %,.0f issuances/s, watched %,.0f"
              + " issuances/s, overhead %.1f%% (sums), median batch %.2f ms against %.2f ms, %.1f%% (medians)%n",
          batches, batchSize, nextA / (plainSum / 1e9), nextB / (watchedSum / 1e9),
          100.0 * (watchedSum - plainSum) / plainSum, pm / 1e6, wm / 1e6, 100.0 * (wm - pm) / pm);
    }
  }

  /** Issuances with {@link NameMix} names, notBefore an hour before a clock that moves 100 entries/s. */
  private static List<List<Issuance>> stream(int count, int batchSize) {
    return stream(count, batchSize, "");
  }

  private static List<List<Issuance>> stream(int count, int batchSize, String prefix) {
    NameMix mix = new NameMix(6962);
    String[][] issuers = {{"CN=R11,O=Let's Encrypt,C=US", "R11", "Let's Encrypt"},
        {"CN=E6,O=Let's Encrypt,C=US", "E6", "Let's Encrypt"},
        {"CN=Sectigo RSA Domain Validation Secure Server CA,O=Sectigo Limited,C=GB",
            "Sectigo RSA Domain Validation Secure Server CA", "Sectigo Limited"},
        {"CN=GeoTrust TLS RSA CA G1,O=DigiCert Inc,C=US", "GeoTrust TLS RSA CA G1", "DigiCert Inc"}};
    Instant start = Instant.parse("2026-12-01T00:00:00Z");
    List<List<Issuance>> batches = new ArrayList<>();
    List<Issuance> batch = new ArrayList<>(batchSize);
    for (int i = 0; i < count; i++) {
      Names n = mix.next();
      SanLists sans = SanLists.of(n);
      List<String> dns = sans.dns();
      List<String> ips = sans.ips();
      n.commonName().ifPresent(cn -> {
        if (!dns.contains(cn) && !ips.contains(cn)) {
          dns.add(cn);
        }
      });
      String[] ca = issuers[i % issuers.length];
      byte[] seed = ("bench " + i).getBytes(StandardCharsets.UTF_8);
      Instant notBefore = start.plusMillis(i * 10L).minusSeconds(3600);
      batch.add(new Issuance(Sha256.of((prefix + "tbs " + i).getBytes(StandardCharsets.UTF_8)), Sha256.of(seed), ca[0], ca[1],
          ca[2], n.commonName().map(cn -> "CN=" + cn).orElse(""), Sha256.of(seed).hex().substring(0, 32), notBefore,
          notBefore.plusSeconds(90L * 86400), Sha256.of(("spki " + i).getBytes(StandardCharsets.UTF_8)), "EC-P256",
          false, i % 2 == 0, dns, ips, Der.of(seed), TestIssuances.sha("issuer " + ca[1])));
      if (batch.size() == batchSize) {
        batches.add(batch);
        batch = new ArrayList<>(batchSize);
      }
    }
    if (!batch.isEmpty()) {
      batches.add(batch);
    }
    return batches;
  }

  /**
   * 1,000 accounts of 100 items: names no certificate of the stream has ({@code brand}-style
   * domains), plus the registrable domain of every 10,000th issuance as a tree, so about 0.1% match.
   * One list in ten has lookalikes on, one in three expects Let's Encrypt (so others' certificates
   * alert as unexpected). Accounts are inserted directly: hashing 1,000 passwords is not the point.
   */
  private static int loadWatchLists(Jdbi jdbi, List<List<Issuance>> stream) {
    List<String> fromStream = new ArrayList<>();
    long k = 0;
    for (List<Issuance> batch : stream) {
      for (Issuance i : batch) {
        if (k++ % WATCHED_EVERY == 0 && !i.dnsNames().isEmpty()) {
          String name = i.dnsNames().get(0);
          fromStream.add("." + (name.startsWith("*.") || name.startsWith("www.") ? name.substring(name.indexOf('.') + 1)
              : name));
        }
      }
    }
    Watchlists lists = new Watchlists(jdbi, CLOCK);
    Webhooks hooks = new Webhooks(jdbi, CLOCK);
    EmailRecipients emails = new EmailRecipients(jdbi, CLOCK);
    int items = 0;
    for (int a = 0; a < ACCOUNTS; a++) {
      String email = "owner" + a + "@brand" + a + ".example";
      long account = jdbi.withHandle(h -> h.createUpdate("INSERT INTO accounts (email, password_hash, is_admin,"
              + " created_at) VALUES (:email, 'x', FALSE, 0)").bind("email", email)
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
      emails.add(account, email);
      if (a % 4 == 0) {
        hooks.create(account, "https://hooks.brand" + a + ".example/ct", "secret " + a, WebhookFormat.JSON);
      }
      List<String> watch = new ArrayList<>(ITEMS_PER_ACCOUNT);
      if (a < fromStream.size()) {
        watch.add(fromStream.get(a));
      }
      for (int j = 0; watch.size() < ITEMS_PER_ACCOUNT; j++) {
        String brand = "zq" + Integer.toString(a * ITEMS_PER_ACCOUNT + j, 36) + "brand";
        watch.add(j % 3 == 0 ? "." + brand + ".com" : j % 3 == 1 ? "www." + brand + ".net" : "login." + brand + ".io");
      }
      items += watch.size();
      lists.create(account, new WatchlistSpec("brands", watch,
          a % 3 == 0 ? List.of("letsencrypt.org") : List.of(), List.of(), a % 10 == 0));
    }
    return items;
  }
}
