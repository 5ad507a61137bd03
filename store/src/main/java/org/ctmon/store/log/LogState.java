package org.ctmon.store.log;

import java.util.Optional;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.treehead.TreeHead;

/**
 * A log as stored: its description and where ctmon stands in it.
 *
 * @param spec what the log list says
 * @param nextIndex every entry below this index is stored
 * @param compactRange the serialized compact range [0, nextIndex), empty before the first batch
 * @param rangeRoot the root at nextIndex, empty before the first batch
 * @param verified the last signed tree head the range matched
 * @param status ok, failing (retrying) or stopped (misbehaviour)
 * @param lastError the last error, lower case, or empty
 * @param updatedAtMs when the row last changed, milliseconds since the epoch
 */
public record LogState(LogSpec spec, long nextIndex, Optional<OpaqueBytes> compactRange, Optional<Sha256> rangeRoot,
                       Optional<TreeHead> verified, LogStatus status, Optional<String> lastError,
                       long updatedAtMs) {}
