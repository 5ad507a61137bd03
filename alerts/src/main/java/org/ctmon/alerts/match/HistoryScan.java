package org.ctmon.alerts.match;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ctmon.alerts.outbox.OutboxRecord;
import org.ctmon.alerts.stored.HistoricalMatches;
import org.ctmon.alerts.stored.Watchlists;
import org.ctmon.alerts.watch.IssuancePolicy;
import org.ctmon.alerts.watch.MatchRecord;
import org.ctmon.alerts.watch.Matcher;
import org.ctmon.alerts.watch.WatchItem;
import org.ctmon.alerts.watch.WatchTarget;
import org.ctmon.alerts.watch.Watchlist;
import org.ctmon.parser.Sha256;
import org.ctmon.store.Page;
import org.ctmon.store.issuance.Criterion;
import org.ctmon.store.issuance.EntryRef;
import org.ctmon.store.issuance.IssuanceDetail;
import org.ctmon.store.issuance.IssuanceQuery;
import org.ctmon.store.issuance.IssuanceSearch;
import org.ctmon.store.issuance.IssuanceSummary;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches a new or edited watch list against what the store already holds, so its owner sees at
 * once what exists for their names. The matches are flagged historical and alert only when the
 * list asks for it ({@code alert_history}). Runs on one background thread, one list at a time; a
 * list saved again while its scan waits is scanned once more and finds only what is new.
 *
 * <p>Covers names (an item's name and, for a tree, every subdomain, plus wildcard certificates
 * for exact names) up to {@link #MAX_PER_ITEM} issuances per item, newest first; IP items are left
 * to ingest. Issuer keys are not stored, so a {@code sha256:} expected issuer cannot be confirmed
 * here: the policy says so in the reasons.
 */
public final class HistoryScan implements AutoCloseable {
  /** Issuances looked at per watch item, newest first. */
  public static final int MAX_PER_ITEM = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(HistoryScan.class);

  private final Jdbi jdbi;
  private final Clock clock;
  private final WatchStateSource watch;
  private final String publicUrl;
  private final Runnable alertsWritten;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "ctmon-history-scan");
    t.setDaemon(true);
    return t;
  });

  public HistoryScan(Jdbi jdbi, Clock clock, WatchStateSource watch, String publicUrl, Runnable alertsWritten) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.watch = watch;
    this.publicUrl = publicUrl;
    this.alertsWritten = alertsWritten;
  }

  /** Scans the account's watch list in the background; the future gives the number of new matches. */
  public CompletableFuture<Integer> submit(long accountId, long watchlistId) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return scan(accountId, watchlistId);
      } catch (RuntimeException e) {
        LOG.warn("error matching watch list {} against stored certificates: {}", watchlistId, e.toString());
        throw e;
      }
    }, thread);
  }

  /** Scans now, on the caller's thread; returns the number of new matches. */
  public int scan(long accountId, long watchlistId) {
    Optional<Watchlist> found = new Watchlists(jdbi, clock).get(accountId, watchlistId);
    if (found.isEmpty()) {
      return 0;
    }
    Watchlist w = found.get();
    List<WatchItem> items = new ArrayList<>();
    for (String s : w.spec().items()) {
      try {
        items.add(WatchItem.parse(s));
      } catch (IllegalArgumentException e) {
        LOG.warn("watch list {}: item no longer reads, left out: {}", watchlistId, e.getMessage());
      }
    }
    IssuancePolicy policy = IssuancePolicy.of(w.spec().expectedIssuers(), w.spec().knownKeys(),
        w.spec().neverIssue(), watch.caa());
    boolean hasPolicy = !w.spec().expectedIssuers().isEmpty() || !w.spec().knownKeys().isEmpty()
        || !w.spec().neverIssue().isEmpty();
    WatchedList list = new WatchedList(w.id(), accountId, w.spec().name(), policy, hasPolicy, w.spec().alertHistory());
    WatchState all = watch.current();
    WatchState one = new WatchState(Matcher.of(List.of(new WatchTarget(w.id(), accountId, items, false))),
        Map.of(w.id(), list), all.recipients(), all.authorized());

    IssuanceSearch search = new IssuanceSearch(jdbi);
    Map<Sha256, IssuanceSummary> candidates = new LinkedHashMap<>();
    for (Criterion c : criteria(items)) {
      collect(search, c, candidates);
    }
    List<HistoricalMatches.Found> matches = new ArrayList<>();
    List<OutboxRecord> outbox = new ArrayList<>();
    for (IssuanceSummary s : candidates.values()) {
      List<MatchRecord> ms = Verdicts.of(one, s.tbsSha256(), s.spkiSha256(), facts(s));
      for (MatchRecord m : ms) {
        matches.add(new HistoricalMatches.Found(m, s.notBefore()));
      }
      if (!list.alertHistory() || ms.isEmpty()) {
        continue;
      }
      for (AlertPlan.PlannedAlert a : AlertPlan.of(one, ms)) {
        String body = AlertBody.of(a.type(), a.idempotencyKey(), a.match(), list.name(), certificate(search, s),
            publicUrl);
        outbox.add(new OutboxRecord(accountId, a.idempotencyKey(), a.type(), a.recipient(), w.id(), s.tbsSha256(),
            body));
      }
    }
    int n = new HistoricalMatches(jdbi, clock).record(matches, outbox);
    if (!outbox.isEmpty()) {
      alertsWritten.run();
    }
    LOG.info("watch list {} of account {}: {} stored certificates looked at, {} new matches", watchlistId, accountId,
        candidates.size(), n);
    return n;
  }

  private static Set<Criterion> criteria(List<WatchItem> items) {
    Set<Criterion> out = new LinkedHashSet<>();
    for (WatchItem i : items) {
      if (i instanceof WatchItem.DomainTree t) {
        out.add(new Criterion.Name(t.domain(), true));
      } else if (i instanceof WatchItem.ExactName e) {
        out.add(new Criterion.Name(e.name(), false));
        int dot = e.name().indexOf('.');
        if (dot > 0) {
          out.add(new Criterion.Name("*" + e.name().substring(dot), false));
        }
      }
    }
    return out;
  }

  private void collect(IssuanceSearch search, Criterion c, Map<Sha256, IssuanceSummary> into) {
    IssuanceQuery q = IssuanceQuery.of(c, clock.instant());
    Optional<String> cursor = Optional.empty();
    int seen = 0;
    do {
      Page<IssuanceSummary> page = search.search(q, cursor, IssuanceSearch.MAX_LIMIT);
      for (IssuanceSummary s : page.items()) {
        into.putIfAbsent(s.tbsSha256(), s);
      }
      seen += page.items().size();
      cursor = page.next();
    } while (cursor.isPresent() && seen < MAX_PER_ITEM);
  }

  private static IssuancePolicy.IssuanceFacts facts(IssuanceSummary s) {
    return new IssuancePolicy.IssuanceFacts(s.issuerO().orElse(null), s.issuerCn().orElse(null), s.issuerDn(), null,
        s.spkiSha256().hex(), s.dnsNames(), s.ipAddresses());
  }

  private static AlertBody.Certificate certificate(IssuanceSearch search, IssuanceSummary s) {
    List<AlertBody.Entry> entries = new ArrayList<>();
    for (EntryRef e : search.byTbs(s.tbsSha256()).map(IssuanceDetail::entries).orElse(List.of())) {
      entries.add(new AlertBody.Entry(e.logId().base64(), e.index(), e.type().sqlName()));
    }
    return new AlertBody.Certificate(s.dnsNames(), s.ipAddresses(), s.issuerDn(), s.serialHex(), s.notBefore(),
        s.notAfter(), s.firstSeen(), entries);
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
