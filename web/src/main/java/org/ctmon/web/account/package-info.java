/**
 * Accounts from the outside: how an API request proves whose it is ({@link
 * org.ctmon.web.account.BearerAuth}, giving a {@link org.ctmon.web.account.Caller}), and the
 * commands that create accounts, tokens and watch lists without a browser ({@code ctmon user add},
 * {@code ctmon token add}, {@code ctmon watchlist import|export}). These and {@code ctmon backup}
 * open the database, so a running monitor holding the H2 file runs them for a local command line
 * ({@link org.ctmon.web.account.LocalCommands}).
 */
package org.ctmon.web.account;
