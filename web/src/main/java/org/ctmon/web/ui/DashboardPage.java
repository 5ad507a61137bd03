package org.ctmon.web.ui;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.ctmon.fetcher.follow.FollowerHealth;
import org.ctmon.fetcher.follow.FollowerStatus;

/** {@code GET /}: every followed log, how far we are and how it is doing. */
final class DashboardPage {
  private final Supplier<List<FollowerStatus>> statuses;
  private final Clock clock;
  private final Templates templates;

  /** One log as its table row shows it: every value already written out. */
  record LogRow(String name, String url, String protocol, String treeSize, String position, String lag,
                String verifiedAge, String status, String statusClass, String lastError, String lastErrorAt) {}

  /** The page: rows and the counts above them. */
  record Model(List<LogRow> logs, int failing, int stopped, String totalLag) {}

  DashboardPage(Supplier<List<FollowerStatus>> statuses, Clock clock, Templates templates) {
    this.statuses = statuses;
    this.clock = clock;
    this.templates = templates;
  }

  void show(Context ctx, Visitor visitor) {
    List<LogRow> rows = new ArrayList<>();
    int failing = 0;
    int stopped = 0;
    long lag = 0;
    for (FollowerStatus s : statuses.get()) {
      failing += s.health() == FollowerHealth.FAILING || s.health() == FollowerHealth.BACKING_OFF ? 1 : 0;
      stopped += s.health() == FollowerHealth.STOPPED ? 1 : 0;
      lag += s.lag();
      rows.add(row(s));
    }
    templates.page(ctx, "dashboard.jte", new Page("Dashboard", Page.Section.DASHBOARD, visitor),
        new Model(rows, failing, stopped, Display.count(lag)));
  }

  private LogRow row(FollowerStatus s) {
    String health = s.health().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    String status = s.health() == FollowerHealth.BACKING_OFF && s.nextAttempt().isPresent()
        ? health + ", retry in " + Display.duration(Duration.between(clock.instant(), s.nextAttempt().get()))
        : health;
    return new LogRow(s.description(), s.url(), s.protocol(),
        s.latestHead().map(h -> Display.count(h.treeSize())).orElse("—"),
        Display.count(s.position()), Display.count(s.lag()),
        s.verifiedAge().map(Display::duration).orElse("never"),
        status, s.health().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        s.lastError().orElse(""), s.lastErrorAt().map(Display::when).orElse(""));
  }
}
