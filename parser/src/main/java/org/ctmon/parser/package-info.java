/**
 * The pure core of ctmon: what CT logs serve, decoded; what certificates say, extracted; and the
 * proofs that a log is honest. Nothing here does I/O, starts a thread or touches a database, so
 * every other module can trust and reuse it.
 *
 * <p>This package holds the value types every room shares ({@link org.ctmon.parser.Sha256},
 * {@link org.ctmon.parser.Der}), base64 as logs serve it ({@link org.ctmon.parser.Base64Text}) and
 * the root exception. Sub-packages: {@code leaf} (RFC 6962 and
 * static-ct-api wire formats), {@code x509} (certificate facts and names), {@code merkle} (tree
 * hashing, compact ranges, proofs) and {@code treehead} (signed tree heads and checkpoints).
 */
package org.ctmon.parser;
