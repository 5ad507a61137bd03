/**
 * A real CT log in process: a BouncyCastle PKI issuing certificates and precertificates, a real
 * Merkle tree with real signatures, served over HTTP as RFC 6962 and static-ct-api, with fault
 * injection. Used by tests, benchmarks and {@code ctmon demo}.
 *
 * <p>Not built yet: this module is delivered by the follow-logs issue ([3/6]).
 */
package org.ctmon.testlog;
