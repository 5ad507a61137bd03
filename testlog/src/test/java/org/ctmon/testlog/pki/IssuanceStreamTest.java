package org.ctmon.testlog.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ctmon.parser.Sha256;
import org.ctmon.testlog.ManualClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

final class IssuanceStreamTest {
  private static final List<TestLogKey> LOGS = List.of(SharedPki.LOG_A, SharedPki.LOG_B,
      TestLogKey.fromSeed(SharedPki.SEED, "radon-test"));

  @Test
  void theSameSeedGivesTheSameIssuancesAndAnotherSeedOthers() {
    IssuanceStream a = new IssuanceStream(SharedPki.PKI, LOGS, 1, SharedPki.VALID_AT);
    IssuanceStream b = new IssuanceStream(SharedPki.PKI, LOGS, 1, SharedPki.VALID_AT);
    IssuanceStream c = new IssuanceStream(SharedPki.PKI, LOGS, 2, SharedPki.VALID_AT);
    for (int i = 0; i < 30; i++) {
      TestIssuance x = a.next();
      assertEquals(x, b.next());
      assertNotEquals(x.tbsSha256(), c.next().tbsSha256());
    }
  }

  @Test
  void aThousandIssuancesMixStylesCasAndLogsAndAreAllDistinct() {
    IssuanceStream s = new IssuanceStream(SharedPki.PKI, LOGS, 3, SharedPki.VALID_AT);
    Map<IssuanceStyle, Integer> styles = new EnumMap<>(IssuanceStyle.class);
    Set<String> cas = new HashSet<>();
    Set<Sha256> tbs = new HashSet<>();
    Set<Integer> sctCounts = new HashSet<>();
    Instant last = Instant.EPOCH;
    for (int i = 0; i < 1000; i++) {
      IssuanceRequest r = s.nextRequest();
      styles.merge(r.style(), 1, Integer::sum);
      cas.add(r.issuer());
      sctCounts.add(r.logs().size());
      assertTrue(!r.loggedAt().isBefore(last), "time never goes back");
      last = r.loggedAt();
      if (i % 10 == 0) {
        assertTrue(tbs.add(SharedPki.PKI.issue(r).tbsSha256()), "issuance " + i + " is new");
      }
    }
    assertEquals(3, styles.size(), styles.toString());
    assertEquals(Set.of("R10", "R11", "E5", "E6", "DV2"), cas);
    assertEquals(Set.of(0, 2, 3), sctCounts);
  }

  @Test
  void aParallelBatchEqualsTheSameIssuancesOneByOne() {
    IssuanceStream a = new IssuanceStream(SharedPki.PKI, LOGS, 5, SharedPki.VALID_AT);
    IssuanceStream b = new IssuanceStream(SharedPki.PKI, LOGS, 5, SharedPki.VALID_AT);
    List<TestIssuance> batch = a.next(24);
    for (int i = 0; i < 24; i++) {
      assertEquals(b.next(), batch.get(i), "issuance " + i);
    }
    assertEquals(a.next(), b.next());
  }

  @Test
  void caWeightsChooseTheIssuersAndRejectRootsAndUnknownNames() {
    IssuanceStream s = new IssuanceStream(SharedPki.PKI, LOGS, 6, SharedPki.VALID_AT, Map.of("E6", 3, "DV2", 1));
    Set<String> cas = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      cas.add(s.nextRequest().issuer());
    }
    assertEquals(Set.of("E6", "DV2"), cas);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new IssuanceStream(SharedPki.PKI, LOGS, 6, SharedPki.VALID_AT, Map.of("G2", 1)));
    assertEquals("ca G2 does not issue leaf certificates", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new IssuanceStream(SharedPki.PKI, LOGS, 6, SharedPki.VALID_AT, Map.of("X9", 1)));
    assertTrue(e.getMessage().startsWith("no ca named X9 in this pki; known: [R1, R10"), e.getMessage());
  }

  /** Prints issuances per second (precertificate + final certificate + SCTs); run with {@code -Pbench}. */
  @Test
  @Tag("bench")
  void printsIssuanceThroughput() {
    IssuanceStream s = new IssuanceStream(SharedPki.PKI, LOGS, 4, SharedPki.VALID_AT);
    for (int i = 0; i < 500; i++) {
      s.next();
    }
    int n = 5000;
    int scts = 0;
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      scts += s.next().scts().size();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("issuance stream: %d issuances (%d scts) in %.2f s: %.0f issuances/s on one thread%n",
        n, scts, seconds, n / seconds);
    t0 = System.nanoTime();
    for (int i = 0; i < n / 500; i++) {
      s.next(500);
    }
    seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("issuance stream: %d issuances in %.2f s: %.0f issuances/s in parallel batches on %d cores%n",
        n, seconds, n / seconds, Runtime.getRuntime().availableProcessors());
    IssuanceStream ec = new IssuanceStream(SharedPki.PKI, LOGS, 4, SharedPki.VALID_AT, Map.of("E6", 1, "DV2", 1));
    ec.next(500);
    t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      ec.next();
    }
    seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("issuance stream, P-256 CAs only: %d issuances in %.2f s: %.0f issuances/s on one thread%n",
        n, seconds, n / seconds);
  }

  @Test
  void keepingUpWithAClockStampsRequestsAtItsTimeLessTheLagNeverEarlierAndKeepsTheSeedsNames() {
    ManualClock time = new ManualClock(SharedPki.VALID_AT.plus(Duration.ofDays(1)));
    Clock clock = time;
    IssuanceStream live = new IssuanceStream(SharedPki.PKI, LOGS, 9, SharedPki.VALID_AT);
    IssuanceStream replay = new IssuanceStream(SharedPki.PKI, LOGS, 9, SharedPki.VALID_AT);
    for (int i = 0; i < 5; i++) {
      assertEquals(replay.nextRequest(), live.nextRequest(), "the history before going live is the seed's");
    }

    live.keepUpWith(clock, Duration.ofSeconds(3));
    Instant lagged = time.instant().minusSeconds(3);
    for (int i = 0; i < 50; i++) {
      IssuanceRequest r = live.nextRequest();
      assertEquals(lagged, r.loggedAt(), "fifty requests in one instant: all at that instant less the lag, none later");
      assertEquals(replay.nextRequest().names(), r.names(), "names are still the seed's");
    }
    time.set(time.instant().plusMillis(1500));
    assertEquals(lagged.plusMillis(1500), live.nextRequest().loggedAt());
    time.set(time.instant().minusSeconds(60)); // a clock set back: never earlier than the request before
    assertEquals(lagged.plusMillis(1500), live.nextRequest().loggedAt());
  }
}
