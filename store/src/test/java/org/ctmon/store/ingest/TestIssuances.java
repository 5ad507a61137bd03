package org.ctmon.store.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ctmon.parser.Der;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;
import org.ctmon.store.Store;
import org.ctmon.store.issuance.EntryType;
import org.ctmon.store.log.LogKind;
import org.ctmon.store.log.LogSpec;
import org.ctmon.store.log.Logs;

/**
 * Test fixture: issuances, logs and batches built from a seed string, so tests say only what
 * matters to them. Everything derived from the seed is deterministic.
 */
public final class TestIssuances {
  /** Two logs, registered by {@link #registerLogs}. */
  public static final Sha256 LOG_A = sha("log a");
  public static final Sha256 LOG_B = sha("log b");
  /** Entry timestamps start here (2026-01-01T00:00:00Z) and grow by one second per index. */
  public static final long T0 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

  private TestIssuances() {}

  public static Sha256 sha(String s) {
    return Sha256.of(s.getBytes(StandardCharsets.UTF_8));
  }

  public static void registerLogs(Store store) {
    Logs logs = new Logs(store.jdbi(), Clock.systemUTC());
    logs.register(new LogSpec(LOG_A, Der.of(new byte[] {0x30, 0x00}), "Test Log A", "Test Operator",
        LogKind.RFC6962, "https://a.example/", null, "usable", 86400));
    logs.register(new LogSpec(LOG_B, Der.of(new byte[] {0x30, 0x01}), "Test Log B", "Test Operator",
        LogKind.STATIC, "https://b.example/", "https://b-mon.example/", "usable", 60));
  }

  /** A final certificate for {@code names}, valid 2026-01-01 to 2026-04-01, issued by "R11" of "Let's Encrypt". */
  public static Issuance issuance(String seed, String... names) {
    return issuance(seed, false, List.of(names));
  }

  /** The precertificate twin of {@link #issuance(String, String...)}: same TBS hash. */
  public static Issuance precert(String seed, String... names) {
    return issuance(seed, true, List.of(names));
  }

  public static Issuance issuance(String seed, boolean precert, List<String> names) {
    byte[] der = ((precert ? "precert der " : "cert der ") + seed).getBytes(StandardCharsets.UTF_8);
    return new Issuance(sha("tbs " + seed), Sha256.of(der), "CN=R11,O=Let's Encrypt,C=US", "R11", "Let's Encrypt",
        "CN=" + (names.isEmpty() ? seed : names.get(0)), Sha256.of(seed.getBytes(StandardCharsets.UTF_8)).hex().substring(0, 36),
        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"), sha("spki " + seed),
        "EC-P256", false, precert, names, List.of(), Der.of(der));
  }

  /** A batch of {@code issuances} at consecutive indexes from {@code from}, one entry each. */
  public static IngestBatch batch(Sha256 log, long from, List<Issuance> issuances) {
    List<LogEntryRecord> entries = new ArrayList<>();
    long index = from;
    for (Issuance i : issuances) {
      entries.add(new LogEntryRecord(index, i.precert() ? EntryType.PRECERT : EntryType.X509, T0 + index * 1000,
          i.tbsSha256()));
      index++;
    }
    return new IngestBatch(log, from, issuances, entries, List.of(), position(index), Optional.empty());
  }

  /** A position at {@code next} with a recognizable compact range. */
  public static LogPosition position(long next) {
    return new LogPosition(next, OpaqueBytes.of(("range " + next).getBytes(StandardCharsets.UTF_8)), sha("root " + next));
  }
}
