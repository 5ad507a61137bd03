/**
 * A client for RFC 6962 CT logs ({@code /ct/v1/...} JSON API) and the planning of
 * {@code get-entries} ranges.
 *
 * <pre>
 *  Rfc6962Client ──LogEndpoint (one attempt, typed failures)──&gt; JSON ──strict read──&gt;
 *      getSth()            SignedTreeHead, signature verified with the log's key
 *      getEntries(a, b)    EntriesPage: the first n ≤ b-a+1 entries, decoded (Decoded | Malformed)
 *      getSthConsistency   List&lt;Sha256&gt;     getProofByHash   ProofByHash
 *      getRoots            List&lt;Der&gt;        getEntryAndProof EntryAndProof
 *  EntryRange.plan(start, treeSize, batch, max) ──&gt; batch-aligned inclusive ranges to ask for
 * </pre>
 *
 * <p>JSON is read strictly: a missing field, a string where a number belongs, a fraction, a negative
 * size, bad base64, duplicate keys or trailing tokens are a {@link
 * org.ctmon.fetcher.http.LogResponseException} with the reason and the start of the body. Unknown
 * fields are ignored (logs may add some).
 */
package org.ctmon.fetcher.rfc6962;
