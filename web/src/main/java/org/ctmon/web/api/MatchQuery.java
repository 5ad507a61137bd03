package org.ctmon.web.api;

import java.util.Locale;
import java.util.function.Function;
import org.ctmon.alerts.watch.MatchDelivery;
import org.ctmon.alerts.watch.MatchFilter;
import org.ctmon.alerts.watch.Verdict;

/**
 * The alert filters of {@code /alerts} and {@code GET /api/v1/matches}, read the same way for both:
 * {@code verdict=expected|unexpected|lookalike}, {@code delivery=none|pending|delivered|dead},
 * {@code acknowledged=true|false}; empty means any. The watch list and time are checked by the
 * caller (ownership, format). Anything else is refused with a message naming the parameter.
 */
public final class MatchQuery {
  private MatchQuery() {}

  /**
   * The filter the parameters describe, on top of {@code base}.
   *
   * @param param a query parameter by name, null when absent
   * @throws IllegalArgumentException naming the bad parameter and what it accepts
   */
  public static MatchFilter parse(Function<String, String> param, MatchFilter base) {
    MatchFilter f = base;
    String verdict = clean(param.apply("verdict"));
    if (!verdict.isEmpty()) {
      try {
        f = f.withVerdict(Verdict.of(verdict));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("verdict must be expected, unexpected or lookalike");
      }
    }
    String delivery = clean(param.apply("delivery"));
    if (!delivery.isEmpty()) {
      try {
        f = f.withDelivery(MatchDelivery.of(delivery));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("delivery must be none, pending, delivered or dead");
      }
    }
    String ack = clean(param.apply("acknowledged"));
    if (ack.equals("true") || ack.equals("false")) {
      f = f.withAcknowledged(ack.equals("true"));
    } else if (!ack.isEmpty()) {
      throw new IllegalArgumentException("acknowledged must be true or false");
    }
    return f;
  }

  private static String clean(String s) {
    return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
  }
}
