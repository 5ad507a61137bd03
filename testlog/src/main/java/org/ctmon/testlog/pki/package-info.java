/**
 * A deterministic BouncyCastle PKI that issues what real CT logs contain: roots, intermediates,
 * precertificate-signing certificates, precertificates with the poison extension, final
 * certificates with embedded SCT lists, and the RFC 6962 entry parts of each.
 *
 * <p>Everything derives from a seed: the same seed gives byte-identical keys, certificates and SCTs,
 * so tests and benchmarks can regenerate millions of entries instead of storing them. Entry points:
 * {@link org.ctmon.testlog.pki.TestPki} (the CAs and {@code issue}), {@link
 * org.ctmon.testlog.pki.TestLogKey} (a log's key, SCT signing), {@link
 * org.ctmon.testlog.pki.NameMix} (realistic and deliberately broken name sets), {@link
 * org.ctmon.testlog.pki.IssuanceStream} (issuances in quantity) and {@link
 * org.ctmon.testlog.pki.PrecertTbs} (what a log does with a submitted precertificate, for
 * add-pre-chain). {@link org.ctmon.testlog.pki.Submission} encodes the RFC 6962 leaf and extra_data
 * structs. Test material only: the keys are predictable by design.
 */
package org.ctmon.testlog.pki;
