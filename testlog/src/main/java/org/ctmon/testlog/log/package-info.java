/**
 * The state of a test log: its entries as the log encodes them, its Merkle tree, the tree heads it
 * has signed, and the feed that logs issuances from a {@link org.ctmon.testlog.pki.IssuanceStream}
 * into several logs at once, as CAs do (a precertificate in two logs, its final certificate in one).
 *
 * <p>Nothing here speaks HTTP: {@link org.ctmon.testlog.rfc6962} and {@link
 * org.ctmon.testlog.tiles} serve a {@link org.ctmon.testlog.log.TestLog}, and {@link
 * org.ctmon.testlog.fault} decides how badly.
 */
package org.ctmon.testlog.log;
