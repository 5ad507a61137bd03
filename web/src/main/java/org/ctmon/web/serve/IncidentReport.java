package org.ctmon.web.serve;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ctmon.store.log.LogIncident;
import org.ctmon.store.log.LogIncidents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says in the log, loudly and once, that a log was caught misbehaving, and where the evidence is.
 * A follower that catches a log stops it and stores the evidence; without this line the operator
 * would learn of it only from the log's status. At start it recalls the incidents already on
 * record, so a restart does not hide a stopped log.
 */
final class IncidentReport implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(IncidentReport.class);

  private final LogIncidents incidents;
  /** Every incident already reported or recalled; incidents are few, and ids may commit out of order. */
  private final Set<Long> reported = new HashSet<>();
  private boolean recalled;
  /** Incidents on record at the last look: only a new count is worth reading them again. */
  private long lastCount = -1;

  IncidentReport(LogIncidents incidents) {
    this.incidents = incidents;
  }

  @Override
  public synchronized void run() {
    report().forEach(line -> {
      if (line.startsWith("incidents on record")) {
        LOG.warn(line);
      } else {
        LOG.error(line);
      }
    });
  }

  /** What to log now: on the first call a summary of what is on record, then one line per new incident. */
  synchronized List<String> report() {
    long count = incidents.count();
    if (count == lastCount) {
      return List.of();
    }
    lastCount = count;
    List<LogIncident> recent = incidents.recent(Optional.empty(), LogIncidents.MAX_LIMIT);
    if (!recalled) {
      recalled = true;
      recent.forEach(i -> reported.add(i.id()));
      if (recent.isEmpty()) {
        return List.of();
      }
      LogIncident last = recent.get(0);
      return List.of("incidents on record: " + recent.size() + (recent.size() == LogIncidents.MAX_LIMIT ? " or more" : "")
          + "; the newest, " + describe(last) + " (GET /api/v1/incidents)");
    }
    return recent.stream()
        .filter(i -> reported.add(i.id()))
        .sorted(Comparator.comparingLong(LogIncident::id))
        .map(i -> "log misbehaviour: " + describe(i) + "; ctmon no longer follows this log; the signed heads"
            + " that prove it: GET /api/v1/incidents?log=" + i.logId().base64())
        .toList();
  }

  private static String describe(LogIncident i) {
    return i.logDescription() + " " + i.kind().sqlName().replace('_', ' ') + " (incident " + i.id() + " at "
        + Instant.ofEpochMilli(i.recordedAtMs()) + "): " + i.detail();
  }
}
