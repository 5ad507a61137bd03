/**
 * The RFC 6962 §4 API of a test log under {@code <prefix>/ct/v1/}: get-sth, get-sth-consistency,
 * get-proof-by-hash, get-entries (capped, truncatable), get-entry-and-proof, get-roots, and the
 * submission endpoints add-chain and add-pre-chain (which static-ct-api logs serve too).
 */
package org.ctmon.testlog.rfc6962;
