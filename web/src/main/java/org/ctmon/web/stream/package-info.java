/**
 * The certstream-compatible live stream: every committed log entry as certstream's
 * {@code certificate_update} (lite and full) and {@code dns_entries} messages over WebSockets at
 * {@code /certstream}, {@code /certstream/full-stream} and {@code /certstream/domains-only}, with
 * {@code /latest.json} and {@code /example.json}. Ingest hands batches to {@link
 * org.ctmon.web.stream.CertstreamHub}, which never blocks it; a client that falls behind is
 * disconnected.
 */
package org.ctmon.web.stream;
