package org.ctmon.alerts.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ctmon.alerts.watch.Matcher;
import org.ctmon.alerts.watch.WatchItem;
import org.ctmon.alerts.watch.WatchTarget;
import org.ctmon.testlog.pki.NameMix;
import org.ctmon.testlog.pki.Names;
import org.ctmon.testlog.pki.SanName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Matcher throughput on one thread against 10 to 100,000 watch items: the names of 200,000
 * generated certificates ({@link NameMix}: realistic sizes, wildcards, IDNs, a few addresses) are
 * matched again and again; prints names/s per size. Should be flat: cost is per label, not per
 * item. Asserts nothing about speed. Run with {@code mvn -Pbench test -pl alerts -am}.
 */
@Tag("bench")
final class MatcherBenchmark {
  private static final long WARMUP_NANOS = 3_000_000_000L;
  private static final long ROUND_NANOS = 1_000_000_000L;
  private static final int ROUNDS = 3;

  @Test
  void printsNamesPerSecondForTenToOneHundredThousandItems() {
    List<List<String>> certNames = new ArrayList<>();
    List<List<String>> certIps = new ArrayList<>();
    NameMix mix = new NameMix(6962);
    long names = 0;
    for (int i = 0; i < 200_000; i++) {
      Names n = mix.next();
      SanLists sans = SanLists.of(n);
      List<String> dns = sans.dns();
      List<String> ips = sans.ips();
      n.commonName().ifPresent(cn -> {
        if (!dns.contains(cn)) {
          dns.add(cn);
        }
      });
      certNames.add(dns);
      certIps.add(ips);
      names += dns.size() + ips.size();
    }
    System.out.printf("%nwatch-list matcher benchmark (one thread, %s, %d cores): %,d certificates, %,d names%n",
        Runtime.version(), Runtime.getRuntime().availableProcessors(), certNames.size(), names);
    for (int size : new int[] {10, 1_000, 10_000, 100_000}) {
      run(size, false, certNames, certIps, names);
    }
    run(100_000, true, certNames, certIps, names);
    System.out.println("the same 10 items plus items no certificate carries (hits held constant: the cost of size alone)");
    for (int size : new int[] {10, 1_000, 10_000, 100_000}) {
      run(size, false, withBrands(targets(10, false), size - 10, false), certNames, certIps, names);
    }
    run(100_000, true, withBrands(targets(10, true), 100_000 - 10, true), certNames, certIps, names);
  }

  /**
   * {@code targets} followed by {@code count} brand-like items (random letters under common
   * suffixes, a third trees) in lists of 10: the shape of a real watch-list load, where most watched
   * names have no certificate in a given stretch of log.
   */
  private static List<WatchTarget> withBrands(List<WatchTarget> targets, int count, boolean lookalikes) {
    String[] suffixes = {"com", "net", "org", "de", "io", "co.uk", "fr", "jp", "example"};
    SplittableRandom random = new SplittableRandom(42);
    List<WatchTarget> all = new ArrayList<>(targets);
    List<WatchItem> items = new ArrayList<>();
    for (int made = 0; made < count; made++) {
      StringBuilder brand = new StringBuilder();
      for (int i = 5 + random.nextInt(8); i > 0; i--) {
        brand.append((char) ('a' + random.nextInt(26)));
      }
      String name = brand + "." + suffixes[random.nextInt(suffixes.length)];
      items.add(WatchItem.parse(made % 3 == 0 ? "." + name : name));
      if (items.size() == 10 || made == count - 1) {
        all.add(new WatchTarget(all.size(), all.size() / 3, items, lookalikes));
        items = new ArrayList<>();
      }
    }
    return all;
  }

  private static void run(int size, boolean lookalikes, List<List<String>> certNames, List<List<String>> certIps,
      long names) {
    run(size, lookalikes, targets(size, lookalikes), certNames, certIps, names);
  }

  private static void run(int size, boolean lookalikes, List<WatchTarget> targets, List<List<String>> certNames,
      List<List<String>> certIps, long names) {
    Matcher m = Matcher.of(targets);
    long start = System.nanoTime();
    while (System.nanoTime() - start < WARMUP_NANOS) {
      pass(m, certNames, certIps);
    }
    double best = 0;
    long hits = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long passes = 0;
      long t0 = System.nanoTime();
      while (System.nanoTime() - t0 < ROUND_NANOS) {
        hits = pass(m, certNames, certIps);
        passes++;
      }
      double rate = passes * (double) names / ((System.nanoTime() - t0) / 1e9);
      best = Math.max(best, rate);
    }
    System.out.printf(Locale.ROOT, "%,8d items%s: %,12.0f names/s (best of %d), %,d certificates hit per pass%n",
        size, lookalikes ? " (all lookalikes on)" : "", best, ROUNDS, hits);
  }

  private static long pass(Matcher m, List<List<String>> certNames, List<List<String>> certIps) {
    long hits = 0;
    for (int i = 0; i < certNames.size(); i++) {
      hits += m.match(certNames.get(i), certIps.get(i)).isEmpty() ? 0 : 1;
    }
    return hits;
  }

  /**
   * {@code size} items in lists of 10, a third trees and most of the rest exact names of other
   * generated certificates (another seed, so some match), one in 50 an address or range.
   */
  private static List<WatchTarget> targets(int size, boolean lookalikes) {
    NameMix mix = new NameMix(1234);
    List<WatchTarget> targets = new ArrayList<>();
    List<WatchItem> items = new ArrayList<>();
    int made = 0;
    while (made < size) {
      for (SanName s : mix.next().sans()) {
        if (made == size || !(s instanceof SanName.Dns d) || d.name().startsWith("*.")) {
          continue;
        }
        WatchItem item;
        if (made % 50 == 49) {
          item = WatchItem.parse(made % 100 == 99 ? "198.51." + (made / 100 % 256) + ".0/24" : "2001:db8:" + Integer.toHexString(made >> 16) + "::" + Integer.toHexString(made & 0xffff));
        } else if (made % 3 == 0) {
          String name = d.name();
          item = WatchItem.parse("." + (name.startsWith("www.") ? name.substring(4) : name));
        } else {
          item = WatchItem.parse(d.name());
        }
        items.add(item);
        made++;
        if (items.size() == 10) {
          targets.add(new WatchTarget(targets.size(), targets.size() / 3, items, lookalikes));
          items = new ArrayList<>();
        }
      }
    }
    if (!items.isEmpty()) {
      targets.add(new WatchTarget(targets.size(), targets.size() / 3, items, lookalikes));
    }
    return targets;
  }
}
