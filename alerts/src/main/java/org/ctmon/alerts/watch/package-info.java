/**
 * Watch lists and what an issuance means to them: {@link org.ctmon.alerts.watch.WatchItem} and
 * certspotter's file format ({@link org.ctmon.alerts.watch.WatchListFile}), the
 * {@link org.ctmon.alerts.watch.Matcher} that checks every name of every certificate against all
 * watch lists with hash lookups (fail-safe on wildcards, redacted and broken names, with opt-in
 * lookalike detection), and the {@link org.ctmon.alerts.watch.IssuancePolicy} that decides whether
 * a matched issuance was expected. Pure: no I/O but reading the bundled CAA table, no database.
 */
package org.ctmon.alerts.watch;
