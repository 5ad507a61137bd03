/**
 * A real CT log in process: a BouncyCastle PKI issuing certificates and precertificates, a real
 * Merkle tree with real signatures, served over HTTP as RFC 6962 and static-ct-api, with fault
 * injection. Used by tests, benchmarks and {@code ctmon demo}.
 *
 * <p>Entry points: {@link org.ctmon.testlog.TestLogServer#start} with {@link
 * org.ctmon.testlog.TestLogOptions} (what {@code ctmon testlog} maps to; {@link
 * org.ctmon.testlog.TestLogMain} runs it standalone), then per log {@link
 * org.ctmon.testlog.log.TestLog} for growth, heads and {@link org.ctmon.testlog.fault.Faults}.
 */
package org.ctmon.testlog;
