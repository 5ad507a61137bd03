/**
 * Proof that a tree head really comes from a log: log public keys ({@link
 * org.ctmon.parser.treehead.LogKey}), RFC 6962 signed tree heads ({@link
 * org.ctmon.parser.treehead.SignedTreeHead}) and static-ct-api checkpoints ({@link
 * org.ctmon.parser.treehead.SignedNote}, {@link org.ctmon.parser.treehead.Checkpoint}, {@link
 * org.ctmon.parser.treehead.SignedCheckpoint}).
 *
 * <p>Both protocols sign the same RFC 6962 §3.5 {@code TreeHeadSignature} struct ({@link
 * org.ctmon.parser.treehead.TreeHead#signatureInput()}), so an STH and a checkpoint of the same log
 * reduce to the same {@link org.ctmon.parser.treehead.TreeHead} value and can be compared as
 * evidence. A signature that does not verify is log misbehaviour and is thrown as a typed exception
 * carrying the log id, tree size, timestamp and root ({@link
 * org.ctmon.parser.treehead.InvalidTreeHeadSignatureException}); bytes that cannot even be framed
 * are {@link org.ctmon.parser.treehead.MalformedTreeHeadException} or {@link
 * org.ctmon.parser.treehead.MalformedNoteException}. Exceptions rather than a sealed result because a
 * caller can never go on with an unverified head: the follower stops that log and records evidence.
 *
 * <p>{@link org.ctmon.parser.treehead.SignedCertificateTimestamp} decodes RFC 6962 §3.2 SCTs and
 * verifies them over an x509 or precert entry the caller rebuilds (the x509 package strips the
 * poison and SCT-list extensions).
 *
 * <p>Pure: no I/O; callers parse JSON and HTTP and hand over plain fields and bytes. Signatures are
 * checked with the JRE's providers (SHA256withECDSA, SHA256withRSA); nothing is registered globally.
 */
package org.ctmon.parser.treehead;
