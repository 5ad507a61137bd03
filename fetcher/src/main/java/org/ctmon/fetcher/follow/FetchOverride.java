package org.ctmon.fetcher.follow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.ctmon.fetcher.loglist.CtLog;
import org.ctmon.fetcher.loglist.NamePattern;

/**
 * Fetch limits for the logs a name pattern selects, overriding the defaults for those logs only.
 *
 * <p>Why: real logs differ. Google's RFC 6962 logs cap pages at 32 entries, DigiCert announces
 * 10 requests per second of 256, TrustAsia's pages take seconds; one setting for every log either
 * hammers the strict ones or crawls on the rest. Written in configuration ({@code fetch.perLog})
 * as {@code PATTERN: key=value ...}, for example {@code DigiCert: requestsPerSecond=10 batchSize=256};
 * the pattern matches a log's description or operator like {@code logs.include} does.
 *
 * @param logs which logs the override is for
 * @param batchSize entries per request, if set
 * @param parallelism requests in flight, if set
 * @param requestsPerSecond request rate limit (0: none), if set
 */
public record FetchOverride(NamePattern logs, OptionalInt batchSize, OptionalInt parallelism,
                            OptionalDouble requestsPerSecond) {
  private static final String KEYS = "batchSize, parallelism, requestsPerSecond";

  public FetchOverride {
    if (batchSize.isEmpty() && parallelism.isEmpty() && requestsPerSecond.isEmpty()) {
      throw new IllegalArgumentException("'" + logs.text() + "' sets nothing: give at least one of " + KEYS);
    }
    // The same checks as FollowerConfig, made here so a bad value names the override at start.
    FollowerConfig.DEFAULT.withFetching(batchSize.orElse(1), parallelism.orElse(1), requestsPerSecond.orElse(0));
  }

  /**
   * Reads {@code PATTERN: key=value key=value ...}: the pattern is everything before the first
   * colon, the keys are {@value #KEYS}.
   *
   * @throws IllegalArgumentException naming what is wrong, in lower case
   */
  public static FetchOverride parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("'" + text.trim() + "' is not PATTERN: key=value ... (e.g. DigiCert: requestsPerSecond=10)");
    }
    NamePattern pattern = NamePattern.of(text.substring(0, colon));
    OptionalInt batch = OptionalInt.empty();
    OptionalInt parallel = OptionalInt.empty();
    OptionalDouble rate = OptionalDouble.empty();
    List<String> seen = new ArrayList<>();
    for (String pair : text.substring(colon + 1).trim().split("\\s+")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      if (seen.contains(key)) {
        throw new IllegalArgumentException("'" + pattern.text() + "' sets " + key + " twice");
      }
      seen.add(key);
      try {
        switch (key) {
          case "batchSize" -> batch = OptionalInt.of(Integer.parseInt(value));
          case "parallelism" -> parallel = OptionalInt.of(Integer.parseInt(value));
          case "requestsPerSecond" -> rate = OptionalDouble.of(Double.parseDouble(value));
          default -> throw new IllegalArgumentException("'" + pattern.text() + "': unknown key '" + key
              + "' (known: " + KEYS + ")");
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + pattern.text() + "': " + key + "=" + value + " is not a number");
      }
    }
    try {
      return new FetchOverride(pattern, batch, parallel, rate);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage().startsWith("'") ? e.getMessage()
          : "'" + pattern.text() + "': " + e.getMessage());
    }
  }

  /** Whether this override is for {@code log}. */
  public boolean appliesTo(CtLog log) {
    return logs.matches(log);
  }

  /** {@code base} with the limits this override sets. */
  public FollowerConfig applyTo(FollowerConfig base) {
    return base.withFetching(batchSize.orElse(base.batchSize()), parallelism.orElse(base.parallelism()),
        requestsPerSecond.orElse(base.requestsPerSecond()));
  }

  /** {@code base} with every override for {@code log} applied in order: a later one wins for the keys it sets. */
  public static FollowerConfig resolve(FollowerConfig base, List<FetchOverride> overrides, CtLog log) {
    FollowerConfig c = base;
    for (FetchOverride o : overrides) {
      if (o.appliesTo(log)) {
        c = o.applyTo(c);
      }
    }
    return c;
  }

  /** The configuration form, {@code PATTERN: key=value ...}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(logs.text()).append(':');
    batchSize.ifPresent(v -> b.append(" batchSize=").append(v));
    parallelism.ifPresent(v -> b.append(" parallelism=").append(v));
    requestsPerSecond.ifPresent(v -> b.append(" requestsPerSecond=").append(
        v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v)));
    return b.toString();
  }
}
