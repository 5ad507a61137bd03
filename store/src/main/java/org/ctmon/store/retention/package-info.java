/**
 * Retention: unmatched issuances are deleted (with their names, IPs and log entries) once they
 * are older than the configured window, in small transactions so ingest is never blocked for
 * long; matched issuances and their DER stay.
 */
package org.ctmon.store.retention;
