package org.ctmon.web.api;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctmon.alerts.stored.Matches;

/**
 * A watch list's matched issuances per issuer over time, in buckets of whole UTC days, for the
 * watch-list page's chart and {@code GET /api/v1/watchlists/{id}/issuers}: the busiest issuers by
 * name ({@code R11 (Let's Encrypt)}), the rest summed as "other issuers".
 *
 * @param buckets the start of each bucket, oldest first
 * @param bucketDays days per bucket
 * @param issuers the issuers, busiest first, each with one count per bucket
 */
public record IssuerSeries(List<Instant> buckets, int bucketDays, List<Issuer> issuers) {
  /** Issuers shown by name; the others are summed. */
  public static final int TOP = 5;
  static final String OTHERS = "other issuers";

  /** One issuer's counts, one per bucket. */
  public record Issuer(String name, long total, List<Long> counts) {
    public Issuer {
      counts = List.copyOf(counts);
    }
  }

  public IssuerSeries {
    buckets = List.copyOf(buckets);
    issuers = List.copyOf(issuers);
  }

  /** The first day counted for {@code days} days up to {@code now}. */
  public static Instant since(Instant now, int days) {
    return now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(days - 1L));
  }

  /** Buckets {@code days} days up to {@code now} in {@code bucketDays}-day buckets. */
  public static IssuerSeries of(List<Matches.IssuerDay> rows, Instant now, int days, int bucketDays) {
    Instant from = since(now, days);
    int n = (days + bucketDays - 1) / bucketDays;
    List<Instant> buckets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      buckets.add(from.plus(Duration.ofDays((long) i * bucketDays)));
    }
    Map<String, long[]> byName = new LinkedHashMap<>();
    for (Matches.IssuerDay d : rows) {
      long day = Duration.between(from, d.day()).toDays();
      if (day < 0 || day >= days) {
        continue;
      }
      String name = d.issuerCn().map(cn -> cn + d.issuerO().filter(o -> !o.equals(cn)).map(o -> " (" + o + ")").orElse(""))
          .or(d::issuerO).orElse("unnamed issuer");
      byName.computeIfAbsent(name, k -> new long[n])[(int) (day / bucketDays)] += d.count();
    }
    List<Map.Entry<String, long[]>> sorted = new ArrayList<>(byName.entrySet());
    sorted.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -sum(e.getValue()))
        .thenComparing(Map.Entry::getKey));
    List<Issuer> issuers = new ArrayList<>();
    long[] others = new long[n];
    for (int i = 0; i < sorted.size(); i++) {
      long[] c = sorted.get(i).getValue();
      if (i < TOP || sorted.size() == TOP + 1) {
        issuers.add(new Issuer(sorted.get(i).getKey(), sum(c), list(c)));
      } else {
        for (int j = 0; j < n; j++) {
          others[j] += c[j];
        }
      }
    }
    if (sum(others) > 0) {
      issuers.add(new Issuer(OTHERS, sum(others), list(others)));
    }
    return new IssuerSeries(buckets, bucketDays, issuers);
  }

  /** As the API answers it. */
  public Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("buckets", buckets.stream().map(IssuanceJson::time).toList());
    m.put("bucket_days", bucketDays);
    List<Map<String, Object>> is = new ArrayList<>();
    for (Issuer i : issuers) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("issuer", i.name());
      x.put("total", i.total());
      x.put("counts", i.counts());
      is.add(x);
    }
    m.put("issuers", is);
    return m;
  }

  private static long sum(long[] a) {
    long s = 0;
    for (long x : a) {
      s += x;
    }
    return s;
  }

  private static List<Long> list(long[] a) {
    List<Long> l = new ArrayList<>(a.length);
    for (long x : a) {
      l.add(x);
    }
    return l;
  }
}
