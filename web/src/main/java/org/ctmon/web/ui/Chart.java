package org.ctmon.web.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A chart drawn on the server as inline SVG (no script, no library): coordinates worked out here in
 * a 600 x 180 box, the template only writes them down. Two shapes: a line over time (the
 * dashboard's lag and ingest) and stacked bars (a watch list's issuances per issuer). Colours come
 * from the style sheet by series number ({@code s0}..{@code s5}).
 */
final class Chart {
  static final double W = 600;
  static final double H = 180;
  static final double LEFT = 52;
  static final double RIGHT = 592;
  static final double TOP = 10;
  static final double BOTTOM = 150;

  private Chart() {}

  /** An axis label at {@code pos} (x or y in the box), anchored {@code start}, {@code middle} or {@code end}. */
  record Tick(String pos, String label, String anchor) {
    Tick(String pos, String label) {
      this(pos, label, "middle");
    }
  }

  /** One point of a line: when and how much. */
  record Point(Instant at, double value) {}

  /**
   * A line chart: the polyline's points, the area under it, axis ticks, and a sentence for screen
   * readers and the title.
   */
  record Line(String points, String area, List<Tick> yTicks, List<Tick> xTicks, String description, boolean empty) {}

  /** One bar segment. */
  record Segment(String x, String y, String w, String h, int series, String title) {}

  /** A legend entry. */
  record Legend(String label, long total, int series) {}

  /** A stacked bar chart. */
  record Bars(List<Segment> segments, List<Tick> yTicks, List<Tick> xTicks, List<Legend> legend, String description,
              boolean empty) {}

  /** A line of {@code points} (oldest first) from {@code from} to {@code to}; {@code unit} for labels. */
  static Line line(List<Point> points, Instant from, Instant to, String what, java.util.function.DoubleFunction<String> label) {
    if (points.isEmpty()) {
      return new Line("", "", List.of(), timeTicks(from, to), "no samples yet", true);
    }
    double max = 0;
    for (Point p : points) {
      max = Math.max(max, p.value());
    }
    double top = niceCeiling(max);
    StringBuilder line = new StringBuilder();
    double span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
    double firstX = 0;
    double lastX = 0;
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      double x = LEFT + (RIGHT - LEFT) * (p.at().toEpochMilli() - from.toEpochMilli()) / span;
      double y = BOTTOM - (BOTTOM - TOP) * p.value() / top;
      line.append(i == 0 ? "" : " ").append(f(x)).append(',').append(f(y));
      if (i == 0) {
        firstX = x;
      }
      lastX = x;
    }
    String area = f(firstX) + "," + f(BOTTOM) + " " + line + " " + f(lastX) + "," + f(BOTTOM);
    List<Tick> y = new ArrayList<>();
    for (int i = 0; i <= 4; i++) {
      y.add(new Tick(f(BOTTOM - (BOTTOM - TOP) * i / 4), label.apply(top * i / 4)));
    }
    Point last = points.get(points.size() - 1);
    return new Line(line.toString(), area, y, timeTicks(from, to),
        what + ": now " + label.apply(last.value()) + ", at most " + label.apply(max) + " in this period", false);
  }

  /** As {@link #line(List, Instant, Instant, String, java.util.function.DoubleFunction)}, with {@code describe} for the sentence. */
  static Line line(List<Point> points, Instant from, Instant to, String what,
                   java.util.function.DoubleFunction<String> axis, java.util.function.DoubleFunction<String> describe) {
    Line l = line(points, from, to, what, axis);
    if (l.empty()) {
      return l;
    }
    double max = points.stream().mapToDouble(Point::value).max().orElse(0);
    return new Line(l.points(), l.area(), l.yTicks(), l.xTicks(), what + ": now "
        + describe.apply(points.get(points.size() - 1).value()) + ", at most " + describe.apply(max) + " in this period",
        false);
  }

  /**
   * Stacked bars: {@code series.get(s).get(b)} is series {@code s} in bucket {@code b}, labelled by
   * {@code bucketLabels}; {@code names} label the series.
   */
  static Bars bars(List<String> names, List<List<Long>> series, List<String> bucketLabels, List<Long> totals) {
    int n = bucketLabels.size();
    long max = 0;
    for (int b = 0; b < n; b++) {
      long sum = 0;
      for (List<Long> s : series) {
        sum += s.get(b);
      }
      max = Math.max(max, sum);
    }
    List<Tick> x = new ArrayList<>();
    int every = Math.max(1, n / 6);
    double slot = (RIGHT - LEFT) / Math.max(1, n);
    for (int b = 0; b < n; b += every) {
      x.add(new Tick(f(LEFT + slot * b + slot / 2), bucketLabels.get(b)));
    }
    List<Legend> legend = new ArrayList<>();
    for (int s = 0; s < names.size(); s++) {
      legend.add(new Legend(names.get(s), totals.get(s), s));
    }
    if (max == 0) {
      return new Bars(List.of(), List.of(), x, legend, "no matched certificate in this period", true);
    }
    double top = niceCeiling(max);
    List<Segment> segments = new ArrayList<>();
    for (int b = 0; b < n; b++) {
      double base = BOTTOM;
      for (int s = 0; s < series.size(); s++) {
        long c = series.get(s).get(b);
        if (c == 0) {
          continue;
        }
        double h = (BOTTOM - TOP) * c / top;
        base -= h;
        segments.add(new Segment(f(LEFT + slot * b + slot * 0.15), f(base), f(slot * 0.7), f(h), s,
            names.get(s) + ": " + c + " in the " + bucketLabels.get(b) + " bucket"));
      }
    }
    List<Tick> y = new ArrayList<>();
    for (int i = 0; i <= 4; i++) {
      double v = top * i / 4;
      y.add(new Tick(f(BOTTOM - (BOTTOM - TOP) * i / 4), v == Math.rint(v) ? Long.toString((long) v) : ""));
    }
    long all = totals.stream().mapToLong(Long::longValue).sum();
    return new Bars(segments, y, x, legend, all + " matched certificates by " + names.size() + " issuer(s)", false);
  }

  /** Six labels across a period: hours for a day, dates for longer. */
  private static List<Tick> timeTicks(Instant from, Instant to) {
    List<Tick> ticks = new ArrayList<>();
    long span = to.toEpochMilli() - from.toEpochMilli();
    for (int i = 0; i <= 4; i++) {
      Instant t = from.plusMillis(span * i / 4);
      String label = span <= 2 * 86_400_000L ? Display.when(t).substring(11, 16) : Display.day(t).substring(5);
      ticks.add(new Tick(f(LEFT + (RIGHT - LEFT) * i / 4), label, i == 4 ? "end" : i == 0 ? "start" : "middle"));
    }
    return ticks;
  }

  /** The smallest of 1, 2, 2.5, 5 times a power of ten at or above {@code v} (1 for 0). */
  static double niceCeiling(double v) {
    if (v <= 0) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }

  private static String f(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }
}
