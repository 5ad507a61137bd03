package org.ctmon.web.ui;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.ctmon.alerts.stored.Matches;
import org.ctmon.fetcher.follow.FollowerHealth;
import org.ctmon.fetcher.follow.FollowerStatus;
import org.ctmon.parser.Sha256;
import org.ctmon.store.log.LogSamples;
import org.ctmon.store.log.LogState;
import org.ctmon.store.log.Logs;
import org.ctmon.web.api.DashboardFigures;
import org.ctmon.web.api.IngestSeries;

/**
 * {@code GET /}: every log, how far we are and how it is doing, today's figures, and charts of lag
 * and ingest over the last day (from the per-minute samples, drawn as inline SVG). Logs an
 * administrator turned off are listed too, as off.
 */
final class DashboardPage {
  static final Duration CHART_SPAN = Duration.ofHours(24);
  static final Duration CHART_BUCKET = Duration.ofMinutes(10);
  private final Supplier<List<FollowerStatus>> statuses;
  private final Logs logs;
  private final DashboardFigures figures;
  private final Clock clock;
  private final Templates templates;

  /** One log as its table row shows it: every value already written out. */
  record LogRow(String name, String url, String protocol, String treeSize, String position, String lag,
                String pace, String paceDetail, String verifiedSize, String verifiedAge, String status,
                String statusClass, String lastError, String lastErrorAt, int failures) {}

  /** The page: rows, the figures above them, and the two charts. */
  record Model(List<LogRow> logs, int failing, int stopped, int off, String totalLag, String ingestRate,
               String issuancesToday, String alertsToday, Chart.Line lagChart, Chart.Line ingestChart) {}

  DashboardPage(Supplier<List<FollowerStatus>> statuses, Logs logs, DashboardFigures figures, Clock clock,
                Templates templates) {
    this.statuses = statuses;
    this.logs = logs;
    this.figures = figures;
    this.clock = clock;
    this.templates = templates;
  }

  void show(Context ctx, Visitor visitor) {
    List<LogRow> rows = new ArrayList<>();
    int failing = 0;
    int stopped = 0;
    long lag = 0;
    double rate = 0;
    Set<Sha256> disabled = logs.disabled();
    Set<Sha256> shown = new HashSet<>();
    for (FollowerStatus s : statuses.get()) {
      failing += s.health() == FollowerHealth.FAILING || s.health() == FollowerHealth.BACKING_OFF ? 1 : 0;
      stopped += s.health() == FollowerHealth.STOPPED ? 1 : 0;
      lag += s.lag();
      rate += s.entriesPerSecond();
      rows.add(row(s, disabled.contains(s.logId())));
      shown.add(s.logId());
    }
    int off = 0;
    if (!disabled.isEmpty()) {
      for (LogState l : logs.all()) {
        if (disabled.contains(l.spec().logId()) && !shown.contains(l.spec().logId())) {
          rows.add(offRow(l));
          off++;
        }
      }
    }
    Instant now = clock.instant();
    DashboardFigures.Today today = figures.today(visitor.accountId());
    IngestSeries series = figures.series(now.minus(CHART_SPAN), now, CHART_BUCKET);
    List<Chart.Point> lagPoints = new ArrayList<>();
    List<Chart.Point> ratePoints = new ArrayList<>();
    for (IngestSeries.Point p : series.points()) {
      lagPoints.add(new Chart.Point(p.at(), p.lag()));
      ratePoints.add(new Chart.Point(p.at(), p.entriesPerSecond()));
    }
    templates.page(ctx, "dashboard.jte", new Page("Dashboard", Page.Section.DASHBOARD, visitor),
        new Model(rows, failing, stopped, off, Display.count(lag), rate(rate), Display.count(today.issuances()),
            Display.count(today.alerts()),
            Chart.line(lagPoints, series.from(), now, "entries behind", DashboardPage::compact,
                v -> Display.count(Math.round(v))),
            Chart.line(ratePoints, series.from(), now, "entries stored per second", DashboardPage::rate)));
  }

  /** An axis label that fits: {@code 750}, {@code 12k}, {@code 1.5M}. */
  static String compact(double v) {
    if (v >= 1_000_000) {
      return String.format(Locale.ROOT, v % 1_000_000 == 0 ? "%.0fM" : "%.1fM", v / 1_000_000);
    }
    if (v >= 10_000) {
      return String.format(Locale.ROOT, "%.0fk", v / 1_000);
    }
    return Display.count(Math.round(v));
  }

  static String rate(double perSecond) {
    return perSecond >= 100 ? Display.count(Math.round(perSecond)) + "/s"
        : String.format(Locale.ROOT, "%.1f/s", perSecond);
  }

  private LogRow row(FollowerStatus s, boolean turningOff) {
    String health = s.health().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    String status = s.health() == FollowerHealth.BACKING_OFF && s.nextAttempt().isPresent()
        ? health + ", retry in " + Display.duration(Duration.between(clock.instant(), s.nextAttempt().get()))
        : health;
    String paceDetail = s.pace().pageSize() + " per page · " + s.pace().inFlight() + " in flight · "
        + String.format(Locale.ROOT, "%.1f", s.pace().requestsPerSecond()) + " req/s";
    return new LogRow(s.description(), s.url(), s.protocol(),
        s.latestHead().map(h -> Display.count(h.treeSize())).orElse("—"),
        Display.count(s.position()), Display.count(s.lag()), rate(s.entriesPerSecond()), paceDetail,
        s.verified().map(h -> Display.count(h.treeSize())).orElse(""),
        s.verifiedAge().map(Display::duration).orElse("never"),
        turningOff ? "turning off" : status,
        turningOff ? "off" : s.health().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        s.lastError().orElse(""), s.lastErrorAt().map(Display::when).orElse(""), s.consecutiveFailures());
  }

  private static LogRow offRow(LogState l) {
    return new LogRow(l.spec().description(), l.spec().url(), l.spec().kind().sqlName(), "—",
        Display.count(l.nextIndex()), "—", "—", "", l.verified().map(h -> Display.count(h.treeSize())).orElse(""),
        "never", "off", "off", "turned off by an administrator", "", 0);
  }

  /** Midnight UTC of {@code now}'s day: "today" on the dashboard. */
  static Instant startOfDay(Instant now) {
    return now.truncatedTo(ChronoUnit.DAYS);
  }
}
