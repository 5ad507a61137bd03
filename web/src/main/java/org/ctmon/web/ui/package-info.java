/**
 * The web UI: server-rendered pages from JTE templates precompiled at build time (HTML escaping on
 * for every {@code ${...}}), plain CSS, no script. {@link org.ctmon.web.ui.WebUi} registers the
 * routes; {@code SignIn} owns sessions, CSRF tokens and login throttling, and every page handler
 * is wrapped by it, so a page never sees a POST whose token was not checked.
 */
package org.ctmon.web.ui;
