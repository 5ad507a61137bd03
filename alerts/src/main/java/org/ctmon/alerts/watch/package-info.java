/**
 * Watch lists and what an issuance means to them: {@link org.ctmon.alerts.watch.WatchItem} and
 * certspotter's file format ({@link org.ctmon.alerts.watch.WatchListFile}), the
 * {@link org.ctmon.alerts.watch.Matcher} that checks every name of every certificate against all
 * watch lists with hash lookups (fail-safe on wildcards, redacted and broken names, with opt-in
 * lookalike detection), and the {@link org.ctmon.alerts.watch.IssuancePolicy} that decides whether
 * a matched issuance was expected. Also the words of a stored watch list and its matches
 * ({@link org.ctmon.alerts.watch.WatchlistSpec}, {@link org.ctmon.alerts.watch.Verdict},
 * {@link org.ctmon.alerts.watch.MatchRecord}, {@link org.ctmon.alerts.watch.MatchView}). Pure: no
 * I/O but reading the bundled CAA table, no database.
 */
package org.ctmon.alerts.watch;
