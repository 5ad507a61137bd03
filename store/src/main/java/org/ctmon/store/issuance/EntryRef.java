package org.ctmon.store.issuance;

import org.ctmon.parser.Sha256;

/**
 * Where an issuance was logged.
 *
 * @param logId the log's id
 * @param index the entry's index
 * @param type x509 or precert
 * @param timestampMs the entry's timestamp, milliseconds since the epoch
 */
public record EntryRef(Sha256 logId, long index, EntryType type, long timestampMs) {}
