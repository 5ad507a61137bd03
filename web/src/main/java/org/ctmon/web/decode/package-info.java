/**
 * {@code ctmon decode}: what a log served, decoded to one JSON line per entry. The same decoders the
 * follower uses, so an operator can look at exactly the entries a log returned (a saved
 * {@code get-entries} page or a data tile) and see why one was rejected.
 */
package org.ctmon.web.decode;
