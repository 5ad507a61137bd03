package org.ctmon.store.log;

import java.util.Objects;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;

/**
 * A log as the log list describes it.
 *
 * @param logId the RFC 6962 LogID (SHA-256 of the key)
 * @param publicKey the log's SubjectPublicKeyInfo DER
 * @param description human-readable name
 * @param operator operator name
 * @param kind RFC 6962 or static-ct-api
 * @param url RFC 6962 base URL or static-ct-api submission prefix
 * @param monitoringUrl static-ct-api monitoring prefix, or {@code null}
 * @param listState the state in the log list ({@code usable}, {@code readonly}, ...)
 * @param mmdSeconds maximum merge delay, or {@code null}
 */
public record LogSpec(Sha256 logId, Der publicKey, String description, String operator, LogKind kind, String url,
                      String monitoringUrl, String listState, Integer mmdSeconds) {
  public LogSpec {
    Objects.requireNonNull(logId, "logId");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(listState, "listState");
    if (listState.length() > 16) {
      throw new IllegalArgumentException("log list state longer than 16 characters: " + listState);
    }
  }
}
