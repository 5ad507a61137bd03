package org.ctmon.fetcher.stored;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ctmon.fetcher.follow.CertificateEntry;
import org.ctmon.fetcher.follow.FollowState;
import org.ctmon.fetcher.follow.FollowerHealth;
import org.ctmon.fetcher.follow.LogIncident;
import org.ctmon.fetcher.follow.LogJournal;
import org.ctmon.fetcher.follow.MalformedEntry;
import org.ctmon.fetcher.follow.PositionTakenException;
import org.ctmon.fetcher.follow.VerifiedBatch;
import org.ctmon.fetcher.loglist.CtLog;
import org.ctmon.fetcher.loglist.LogProtocol;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.merkle.CompactRange;
import org.ctmon.parser.treehead.TreeHead;
import org.ctmon.store.ingest.IngestBatch;
import org.ctmon.store.ingest.Issuance;
import org.ctmon.store.ingest.LogEntryRecord;
import org.ctmon.store.ingest.LogPosition;
import org.ctmon.store.ingest.MalformedEntryRecord;
import org.ctmon.store.ingest.StaleLogPositionException;
import org.ctmon.store.issuance.EntryType;
import org.ctmon.store.log.IncidentKind;
import org.ctmon.store.log.LogKind;
import org.ctmon.store.log.LogSpec;
import org.ctmon.store.log.LogState;
import org.ctmon.store.log.LogStatus;
import org.ctmon.store.log.Logs;
import org.ctmon.store.log.ServedTreeHead;

/**
 * The follower's {@link LogJournal} over the store: state, evidence, incidents and status in
 * {@link Logs}, batches through a {@link BatchSink} (the store's {@code Ingest}, or the
 * application's ingest with the matcher) after mapping them to the store's rows. Stateless; thread
 * safe as {@code Logs} and the sink are.
 */
public final class StoredJournal implements LogJournal {
  private final Logs logs;
  private final BatchSink sink;

  public StoredJournal(Logs logs, BatchSink sink) {
    this.logs = logs;
    this.sink = sink;
  }

  @Override
  public FollowState state(CtLog log) {
    Sha256 logId = log.logId();
    LogState state = logs.state(logId).orElseGet(() -> {
      logs.register(spec(log));
      return logs.state(logId).orElseThrow(() -> new IllegalStateException("log " + logId.base64()
          + " is not stored after registering it"));
    });
    return new FollowState(state.nextIndex(), state.compactRange().map(r -> CompactRange.fromBytes(r.bytes())),
        state.verified(), health(state.status()), state.lastError());
  }

  @Override
  public void commit(VerifiedBatch batch) {
    try {
      sink.commit(ingestBatch(batch));
    } catch (StaleLogPositionException e) {
      throw new PositionTakenException(e.getMessage(), e.storedIndex(), e);
    }
  }

  @Override
  public Optional<TreeHead> largestSignedHead(Sha256 logId) {
    return logs.largestSignedHead(logId).map(ServedTreeHead::head);
  }

  @Override
  public long recordHead(Sha256 logId, TreeHead head, OpaqueBytes signature, boolean signatureVerified,
                         long seenAtMs) {
    return logs.recordTreeHead(logId, new ServedTreeHead(head, signature, signatureVerified, seenAtMs));
  }

  @Override
  public void recordIncident(Sha256 logId, LogIncident kind, String detail, Long headA, Long headB) {
    logs.recordIncident(logId, incidentKind(kind), detail, headA, headB);
  }

  @Override
  public void setStatus(Sha256 logId, FollowerHealth status, String lastError) {
    logs.setStatus(logId, status(status), lastError);
  }

  @Override
  public boolean setStatusUnlessStopped(Sha256 logId, FollowerHealth status, String lastError) {
    return logs.setStatusUnlessStopped(logId, status(status), lastError);
  }

  /** The store's rows for {@code batch}: issuances and their entries, malformed entries, position, head. */
  public static IngestBatch ingestBatch(VerifiedBatch batch) {
    List<Issuance> issuances = new ArrayList<>(batch.certificates().size());
    List<LogEntryRecord> entries = new ArrayList<>(batch.certificates().size());
    for (CertificateEntry c : batch.certificates()) {
      IssuanceMapping.issuance(c).ifPresent(i -> {
        issuances.add(i);
        entries.add(new LogEntryRecord(c.index(), c.precert() ? EntryType.PRECERT : EntryType.X509,
            c.timestampMs(), i.tbsSha256()));
      });
    }
    List<MalformedEntryRecord> malformed = new ArrayList<>(batch.malformed().size());
    for (MalformedEntry m : batch.malformed()) {
      malformed.add(new MalformedEntryRecord(m.index(), m.leaf(), m.extra(), m.reason()));
    }
    LogPosition position = new LogPosition(batch.nextIndex(), batch.compactRange(), batch.rangeRoot().orElse(null));
    return new IngestBatch(batch.logId(), batch.from(), issuances, entries, malformed, position,
        batch.verified());
  }

  /** What the store keeps of {@code log}, from the log list. */
  static LogSpec spec(CtLog log) {
    String url;
    String monitoringUrl = null;
    LogKind kind;
    if (log.protocol() instanceof LogProtocol.StaticCt s) {
      kind = LogKind.STATIC;
      url = s.submissionUrl().toString();
      monitoringUrl = s.monitoringUrl().toString();
    } else {
      kind = LogKind.RFC6962;
      url = log.protocol().monitoringUrl().toString();
    }
    String listState = log.status().map(st -> st.jsonName()).orElse("none");
    return new LogSpec(log.logId(), log.key(), log.description(), log.operator(), kind, url, monitoringUrl,
        listState, (int) Math.min(Integer.MAX_VALUE, log.mmd().toSeconds()));
  }

  // The store's words are the follower's, by name; a backing-off follower is stored as failing.
  static FollowerHealth health(LogStatus status) {
    return FollowerHealth.valueOf(status.name());
  }

  static LogStatus status(FollowerHealth health) {
    return health == FollowerHealth.BACKING_OFF ? LogStatus.FAILING : LogStatus.valueOf(health.name());
  }

  static IncidentKind incidentKind(LogIncident incident) {
    return IncidentKind.valueOf(incident.name());
  }
}
