/**
 * Certificate facts: what a CT monitor needs from a certificate or precertificate (names,
 * issuer, validity, keys, embedded SCTs, and the {@code tbs_sha256} that makes a precertificate
 * and its final certificate one issuance), decoded fast and leniently.
 *
 * <p>Entry point: {@link org.ctmon.parser.x509.CertificateDecoder}. Bad input is a {@link
 * org.ctmon.parser.x509.FactsResult.Malformed} carrying every name that could be recovered,
 * never an exception. Names are {@link org.ctmon.parser.x509.DnsName} values: normalized keys,
 * invalid names kept and flagged.
 */
package org.ctmon.parser.x509;
