package org.ctmon.alerts.match;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ctmon.alerts.outbox.Recipient;
import org.ctmon.alerts.outbox.Webhook;
import org.ctmon.alerts.stored.Authorizations;
import org.ctmon.alerts.stored.EmailRecipients;
import org.ctmon.alerts.stored.Watchlists;
import org.ctmon.alerts.stored.Webhooks;
import org.ctmon.alerts.watch.CaaIssuers;
import org.ctmon.alerts.watch.IssuancePolicy;
import org.ctmon.alerts.watch.Matcher;
import org.ctmon.alerts.watch.WatchItem;
import org.ctmon.alerts.watch.WatchTarget;
import org.ctmon.alerts.watch.Watchlist;
import org.ctmon.alerts.watch.WatchlistSpec;
import org.ctmon.parser.Sha256;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every account's watch lists, recipients and authorizations at one moment, built for matching:
 * immutable, so a batch is matched against one consistent state while a new one is loaded.
 *
 * @param matcher the compiled watch items of every list
 * @param lists each watch list by id
 * @param recipients each account's channels (enabled webhooks, then email addresses)
 * @param authorized each account's authorized TBS and SPKI hashes
 */
record WatchState(Matcher matcher, Map<Long, WatchedList> lists, Map<Long, List<Recipient>> recipients,
                  Map<Long, Set<Sha256>> authorized) {
  private static final Logger LOG = LoggerFactory.getLogger(WatchState.class);

  static final WatchState EMPTY = new WatchState(Matcher.of(List.of()), Map.of(), Map.of(), Map.of());

  boolean isEmpty() {
    return lists.isEmpty();
  }

  /** Reads the state from the store; a stored value that no longer parses is left out and logged. */
  static WatchState load(Jdbi jdbi, Clock clock, CaaIssuers caa) {
    List<Watchlist> stored = new Watchlists(jdbi, clock).allForMatching();
    List<WatchTarget> targets = new ArrayList<>();
    Map<Long, WatchedList> lists = new HashMap<>();
    for (Watchlist w : stored) {
      WatchlistSpec spec = w.spec();
      List<WatchItem> items = parseItems(w.id(), spec.items());
      IssuancePolicy policy;
      try {
        policy = IssuancePolicy.of(spec.expectedIssuers(), spec.knownKeys(), spec.neverIssue(), caa);
      } catch (IllegalArgumentException e) {
        LOG.warn("watch list {} of account {} has a policy that no longer reads ({}): matched as no policy",
            w.id(), w.accountId(), e.getMessage());
        policy = IssuancePolicy.of(List.of(), List.of(), List.of(), caa);
      }
      targets.add(new WatchTarget(w.id(), w.accountId(), items, spec.lookalikes()));
      boolean hasPolicy = !spec.expectedIssuers().isEmpty() || !spec.knownKeys().isEmpty()
          || !spec.neverIssue().isEmpty();
      lists.put(w.id(), new WatchedList(w.id(), w.accountId(), spec.name(), policy, hasPolicy, spec.alertHistory()));
    }
    Map<Long, List<Recipient>> recipients = new HashMap<>();
    for (Webhook h : new Webhooks(jdbi, clock).allEnabled()) {
      recipients.computeIfAbsent(h.accountId(), k -> new ArrayList<>()).add(new Recipient.Webhook(h.id()));
    }
    new EmailRecipients(jdbi, clock).allByAccount().forEach((account, addresses) -> {
      for (String a : addresses) {
        recipients.computeIfAbsent(account, k -> new ArrayList<>()).add(new Recipient.Email(a));
      }
    });
    Map<Long, Set<Sha256>> authorized = new Authorizations(jdbi, clock).all();
    return new WatchState(Matcher.of(targets), Map.copyOf(lists), Map.copyOf(recipients), Map.copyOf(authorized));
  }

  private static List<WatchItem> parseItems(long watchlistId, List<String> texts) {
    List<WatchItem> items = new ArrayList<>(texts.size());
    for (String t : texts) {
      try {
        items.add(WatchItem.parse(t));
      } catch (IllegalArgumentException e) {
        LOG.warn("watch list {}: item no longer reads, left out: {}", watchlistId, e.getMessage());
      }
    }
    return items;
  }
}
