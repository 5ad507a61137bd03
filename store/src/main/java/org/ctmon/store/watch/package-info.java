/**
 * Watch lists (what an account watches and its issuance policy) and the matches found for
 * them. Every method that serves the API takes the caller's account id and never returns or
 * changes another account's rows; only {@link org.ctmon.store.watch.Watchlists#allForMatching()}
 * spans accounts, for the matcher.
 */
package org.ctmon.store.watch;
