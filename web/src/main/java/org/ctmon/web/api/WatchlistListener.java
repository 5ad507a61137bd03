package org.ctmon.web.api;

/**
 * Told when an account's watch lists change through the API, after the change is committed, so
 * the matcher reloads and history matching runs: changes apply without a restart. Called on the
 * request thread; a listener that throws is logged and does not fail the request (the change is
 * stored).
 */
public interface WatchlistListener {
  /** Does nothing; for tests and for servers without a matcher. */
  WatchlistListener NONE = new WatchlistListener() {
    @Override
    public void saved(long accountId, long watchlistId) {}

    @Override
    public void deleted(long accountId, long watchlistId) {}
  };

  /** The list was created, replaced or imported into. */
  void saved(long accountId, long watchlistId);

  /** The list was deleted, with its matches. */
  void deleted(long accountId, long watchlistId);
}
