/**
 * What every request to a CT log shares: one {@link okhttp3.OkHttpClient} built from {@link
 * org.ctmon.fetcher.http.HttpConfig} (timeouts, no redirects, a {@code User-Agent} with the
 * operator's contact, a response-size cap enforced while reading), one-attempt GETs against a log's
 * URL ({@link org.ctmon.fetcher.http.LogEndpoint}), the typed failures they raise and the {@link
 * org.ctmon.fetcher.http.Backoff} policy the follower schedules retries with.
 *
 * <pre>
 *  LogEndpoint.get(path) ──OkHttpClient(UA, body cap, timeouts)──&gt; 200: body bytes
 *                          │ HTTP status ≠ 200 ──&gt; LogHttpException (status, Retry-After, body excerpt)
 *                          │ I/O failure       ──&gt; LogTransportException
 *                          └ body over the cap ──&gt; LogResponseException (as for garbage bodies)
 * </pre>
 *
 * <p>Clients never sleep and never retry: each failure says whether a retry may help
 * ({@link org.ctmon.fetcher.http.LogFetchException#retryable()}) and how long the log asked to
 * wait; the follower turns that into a time with {@link org.ctmon.fetcher.http.Backoff}.
 */
package org.ctmon.fetcher.http;
