package org.ctmon.web.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctmon.parser.Sha256;
import org.ctmon.store.log.LogSamples;

/**
 * Lag and ingest of all followed logs over time, from the per-minute samples of
 * {@link LogSamples}, in fixed buckets: the dashboard's charts and {@code GET /api/v1/dashboard}.
 * Lag in a bucket is the sum over logs of each log's last lag seen up to then (a log without a
 * sample in the bucket keeps its previous one); ingest is the positions' growth in the bucket
 * divided by its length.
 *
 * @param from the first bucket's start
 * @param bucket each bucket's length
 * @param points one per bucket that has a sample, oldest first
 */
public record IngestSeries(Instant from, Duration bucket, List<Point> points) {
  /**
   * One bucket.
   *
   * @param at the bucket's start
   * @param lag entries the logs had that were not stored yet
   * @param entriesPerSecond entries stored per second over the bucket
   */
  public record Point(Instant at, long lag, double entriesPerSecond) {}

  public IngestSeries {
    points = List.copyOf(points);
  }

  /** The series of {@code samples} (by log, then time) between {@code from} and {@code to}. */
  public static IngestSeries of(List<LogSamples.Sample> samples, Instant from, Instant to, Duration bucket) {
    int n = (int) Math.max(1, (Duration.between(from, to).toMillis() + bucket.toMillis() - 1) / bucket.toMillis());
    long[] ingested = new long[n];
    boolean[] seen = new boolean[n];
    Map<Sha256, long[]> lagByLog = new HashMap<>();
    Map<Sha256, LogSamples.Sample> previous = new HashMap<>();
    for (LogSamples.Sample s : samples) {
      int b = (int) (Duration.between(from, s.at()).toMillis() / bucket.toMillis());
      if (b < 0 || b >= n) {
        continue;
      }
      seen[b] = true;
      long[] lags = lagByLog.computeIfAbsent(s.logId(), k -> filled(n));
      lags[b] = Math.max(0, s.treeSize() - s.position());
      LogSamples.Sample p = previous.put(s.logId(), s);
      if (p != null) {
        ingested[b] += Math.max(0, s.position() - p.position());
      }
    }
    List<Point> points = new ArrayList<>();
    double seconds = bucket.toMillis() / 1000.0;
    long[] last = new long[lagByLog.size()];
    List<long[]> logs = new ArrayList<>(lagByLog.values());
    for (int b = 0; b < n; b++) {
      long lag = 0;
      for (int l = 0; l < logs.size(); l++) {
        if (logs.get(l)[b] >= 0) {
          last[l] = logs.get(l)[b];
        }
        lag += last[l];
      }
      if (seen[b]) {
        points.add(new Point(from.plus(bucket.multipliedBy(b)), lag, ingested[b] / seconds));
      }
    }
    return new IngestSeries(from, bucket, points);
  }

  /** As the API answers it. */
  public Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("from", IssuanceJson.time(from));
    m.put("bucket_seconds", bucket.toSeconds());
    List<Map<String, Object>> ps = new ArrayList<>();
    for (Point p : points) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("at", IssuanceJson.time(p.at()));
      x.put("lag", p.lag());
      x.put("entries_per_second", Math.round(p.entriesPerSecond() * 10) / 10.0);
      ps.add(x);
    }
    m.put("points", ps);
    return m;
  }

  private static long[] filled(int n) {
    long[] a = new long[n];
    java.util.Arrays.fill(a, -1);
    return a;
  }
}
