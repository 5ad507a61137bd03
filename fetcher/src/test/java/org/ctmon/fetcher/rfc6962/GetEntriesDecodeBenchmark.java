package org.ctmon.fetcher.rfc6962;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints the cost of reading a {@code get-entries} page on one thread: JSON, base64 and the
 * RFC 6962 framing of each entry (certificate facts excluded), for a 1,000-entry page made of the
 * six real Pilot entries (about 5 KB of base64 each). Every RFC 6962 entry ctmon follows passes
 * here. Run with {@code mvn -B -Pbench test -pl fetcher -am -Dtest=GetEntriesDecodeBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
final class GetEntriesDecodeBenchmark {
  @Test
  void printsMicrosecondsPerEntryOfAGetEntriesPage() throws Exception {
    byte[] page = PilotPage.of(1000);
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 8; round++) { // the first rounds warm the JIT up
      long t0 = System.nanoTime();
      int n = 0;
      while (System.nanoTime() - t0 < 2_000_000_000L) {
        n += GetEntriesJson.decode(page, 0, 1000).size();
      }
      double ns = (System.nanoTime() - t0) / (double) n;
      best = Math.min(best, ns);
      System.out.printf("bench get-entries decode: round %d, %.2f µs per entry%n", round, ns / 1000);
    }
    System.out.printf("bench get-entries decode: best %.2f µs per entry (%,d bytes of JSON for 1,000 entries)%n",
        best / 1000, page.length);
    assertEquals(1000, GetEntriesJson.decode(page, 0, 1000).size());
  }
}
