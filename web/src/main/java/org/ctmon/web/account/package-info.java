/**
 * Accounts from the outside: how an API request proves whose it is ({@link
 * org.ctmon.web.account.BearerAuth}, giving a {@link org.ctmon.web.account.Caller}), and the
 * commands that create accounts, tokens and watch lists without a browser ({@code ctmon user add},
 * {@code ctmon token add}, {@code ctmon watchlist import|export}).
 */
package org.ctmon.web.account;
