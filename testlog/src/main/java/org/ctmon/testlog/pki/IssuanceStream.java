package org.ctmon.testlog.pki;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * An endless, deterministic sequence of realistic issuances from a {@link TestPki}, for logs with
 * millions of entries: names from a {@link NameMix}, issuing CAs weighted ({@link #DEFAULT_CA_WEIGHTS}),
 * mostly precertificate issuance (half of it through a precertificate-signing certificate where the
 * CA has one) and some plain certificates, validity mostly 90 days (also 6, 47, 198 and 398),
 * 18-byte random serials, keys from the PKI's pool, SCTs from two or three of the given logs, and
 * time advancing 0-3 s per issuance from {@code start}.
 *
 * <p>The same PKI seed, logs, stream seed and start give byte-identical issuances. {@link
 * #nextRequest()} is cheap and {@link TestPki#issue} depends only on its request, so callers can
 * draw requests in order and issue them on several threads without losing determinism. Not
 * thread-safe itself.
 */
public final class IssuanceStream implements Iterator<TestIssuance> {
  /** The default issuer mix: half RSA, as in Let's Encrypt's and most CAs' output. */
  public static final Map<String, Integer> DEFAULT_CA_WEIGHTS = Map.of("R10", 30, "R11", 20, "E5", 12, "E6", 20, "DV2", 18);
  private static final int[] VALIDITY_DAYS = {90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 47, 47, 6, 6, 198, 398};

  private final TestPki pki;
  private final List<TestLogKey> logs;
  private final SplittableRandom random;
  private final NameMix names;
  private final String[] caNames;
  private final int[] caWeights;
  private final int totalWeight;
  private Instant now;
  private long count;
  private Clock liveClock;
  private Duration liveLag;

  /** A stream issuing from {@code pki} with SCTs of {@code logs} (at least one), starting at {@code start}. */
  public IssuanceStream(TestPki pki, List<TestLogKey> logs, long seed, Instant start) {
    this(pki, logs, seed, start, DEFAULT_CA_WEIGHTS);
  }

  /**
   * A stream whose issuing CAs are drawn with {@code caWeights} (CA name to a positive weight; the
   * map's iteration order does not matter). ECDSA-only weights such as {@code {"E6": 1, "DV2": 1}}
   * issue several times faster than the default mix, whose RSA signatures dominate the cost.
   */
  public IssuanceStream(TestPki pki, List<TestLogKey> logs, long seed, Instant start, Map<String, Integer> caWeights) {
    if (logs.isEmpty()) {
      throw new IllegalArgumentException("an issuance stream needs at least one log");
    }
    if (caWeights.isEmpty()) {
      throw new IllegalArgumentException("an issuance stream needs at least one issuing ca");
    }
    TreeMap<String, Integer> sorted = new TreeMap<>(caWeights);
    this.caNames = sorted.keySet().toArray(new String[0]);
    this.caWeights = new int[caNames.length];
    int total = 0;
    for (int i = 0; i < caNames.length; i++) {
      CertificateAuthority ca = pki.ca(caNames[i]);
      if (ca.isRoot() || ca.isPrecertSigning()) {
        throw new IllegalArgumentException("ca " + ca.name() + " does not issue leaf certificates");
      }
      int w = sorted.get(caNames[i]);
      if (w <= 0) {
        throw new IllegalArgumentException("weight of ca " + caNames[i] + " is " + w + ", not positive");
      }
      this.caWeights[i] = w;
      total += w;
    }
    this.totalWeight = total;
    this.pki = pki;
    this.logs = List.copyOf(logs);
    this.random = new SplittableRandom(seed);
    this.names = new NameMix(random.nextLong());
    this.now = start;
  }

  /** Always true: the stream is endless. */
  @Override
  public boolean hasNext() {
    return true;
  }

  /** Issues the next request. */
  @Override
  public TestIssuance next() {
    return pki.issue(nextRequest());
  }

  /**
   * The next {@code count} issuances, in order, issued in parallel on the common fork-join pool: the
   * same issuances {@code count} calls of {@link #next()} would give, faster on several cores.
   */
  public List<TestIssuance> next(int count) {
    List<IssuanceRequest> requests = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      requests.add(nextRequest());
    }
    return requests.parallelStream().map(pki::issue).toList();
  }

  /**
   * From now on stamps each request at the clock's time less {@code lag} (never earlier than the
   * request before), instead of advancing 0-3 s per request: a log growing in real time logs what
   * was issued just now. Without it a log growing at 20 entries a second would stamp its entries
   * 30 s further into the future every second, past the heads that cover them. The lag leaves room
   * for the later SCTs and the final certificate, which are logged a little after the request's
   * time. Names, issuers and keys stay those of the seed.
   */
  public void keepUpWith(Clock clock, Duration lag) {
    this.liveClock = clock;
    this.liveLag = lag;
  }

  /** How many requests have been drawn. */
  public long count() {
    return count;
  }

  /** The next request, without issuing it. */
  public IssuanceRequest nextRequest() {
    count++;
    int step = random.nextInt(3001); // drawn in both modes, so the rest of the request stays the seed's
    if (liveClock == null) {
      now = now.plusMillis(step);
    } else {
      Instant live = liveClock.instant().minus(liveLag);
      now = live.isAfter(now) ? live : now;
    }
    Names n = names.next();
    String issuer = pickCa();
    IssuanceStyle style = pickStyle(pki.precertSigner(pki.ca(issuer)).isPresent());
    Instant notBefore = now.minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    Instant notAfter = notBefore.plus(Duration.ofDays(VALIDITY_DAYS[random.nextInt(VALIDITY_DAYS.length)])).minusSeconds(1);
    byte[] serial = new byte[18];
    random.nextBytes(serial);
    serial[0] = (byte) ((serial[0] & 0x7f) | 0x01);
    int leafKey = random.nextInt(pki.leafKeyPoolSize());
    List<TestLogKey> sctLogs = style == IssuanceStyle.PLAIN ? List.of() : pickLogs();
    return new IssuanceRequest(n, issuer, style, notBefore, notAfter, new BigInteger(serial), leafKey, sctLogs, now);
  }

  private String pickCa() {
    int roll = random.nextInt(totalWeight);
    for (int i = 0; i < caNames.length; i++) {
      roll -= caWeights[i];
      if (roll < 0) {
        return caNames[i];
      }
    }
    throw new AssertionError("ca weights do not add up to " + totalWeight);
  }

  private IssuanceStyle pickStyle(boolean hasSigner) {
    int roll = random.nextInt(100);
    if (roll < 10) {
      return IssuanceStyle.PLAIN;
    }
    return hasSigner && roll < 55 ? IssuanceStyle.PRECERT_VIA_SIGNING_CERT : IssuanceStyle.PRECERT;
  }

  private List<TestLogKey> pickLogs() {
    if (logs.size() <= 2) {
      return logs;
    }
    int want = 2 + random.nextInt(2);
    List<TestLogKey> pool = new ArrayList<>(logs);
    List<TestLogKey> out = new ArrayList<>(want);
    while (out.size() < want && !pool.isEmpty()) {
      out.add(pool.remove(random.nextInt(pool.size())));
    }
    return out;
  }
}
