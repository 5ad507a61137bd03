package org.ctmon.fetcher.loglist;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;

/**
 * One CT log as the log list describes it: who runs it, its key, how to read it, and its state.
 *
 * <p>The log id is always the SHA-256 of the key (checked here), so a log's id can be trusted as
 * the key's fingerprint and as this log's primary key everywhere else.
 *
 * @param description the list's human name ("Google 'Argon2026h2' log")
 * @param operator the current operator's name
 * @param logId SHA-256 of {@code key}
 * @param key DER SubjectPublicKeyInfo that signs the log's tree heads and SCTs
 * @param protocol RFC 6962 or static-ct-api, with its URLs
 * @param mmd maximum merge delay (the list gives seconds)
 * @param state the log's state, absent for logs the list gives none (test and monitoring-only logs)
 * @param temporalInterval expiry range of accepted certificates, absent for unsharded logs
 * @param logType {@link LogType#PROD} when the list gives none
 * @param dns the DNS name of the log's DNS-based API, if any
 * @param previousOperators earlier operators, oldest first as listed
 */
public record CtLog(
    String description,
    String operator,
    Sha256 logId,
    Der key,
    LogProtocol protocol,
    Duration mmd,
    Optional<ListState> state,
    Optional<TemporalInterval> temporalInterval,
    LogType logType,
    Optional<String> dns,
    List<PreviousOperator> previousOperators) {

  public CtLog {
    if (description == null || description.isBlank()) {
      throw new IllegalArgumentException("a log needs a description");
    }
    if (operator == null || operator.isBlank()) {
      throw new IllegalArgumentException("log \"" + description + "\" needs an operator");
    }
    Objects.requireNonNull(logId, "logId");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(mmd, "mmd");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(temporalInterval, "temporalInterval");
    Objects.requireNonNull(logType, "logType");
    Objects.requireNonNull(dns, "dns");
    previousOperators = List.copyOf(previousOperators);
    if (mmd.isNegative()) {
      throw new IllegalArgumentException("mmd " + mmd.toSeconds() + " of \"" + description + "\" is negative");
    }
    if (!key.sha256().equals(logId)) {
      throw new IllegalArgumentException("log_id " + logId.base64() + " is not the sha-256 of the key ("
          + key.sha256().base64() + ")");
    }
  }

  /** The state's status, or empty when the list gives the log no state. */
  public Optional<ListStatus> status() {
    return state.map(ListState::status);
  }
}
