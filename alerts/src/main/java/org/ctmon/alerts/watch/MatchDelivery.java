package org.ctmon.alerts.watch;

/**
 * Where the alerts of a match stand, over every channel of its account: the worst state wins, so
 * one dead webhook among delivered emails shows as {@code dead}. A match that alerted nobody (an
 * expected certificate, an account without channels) is {@code none}.
 */
public enum MatchDelivery {
  NONE("none"),
  PENDING("pending"),
  DELIVERED("delivered"),
  DEAD("dead");

  private final String word;

  MatchDelivery(String word) {
    this.word = word;
  }

  /** The API and filter form: {@code none}, {@code pending}, {@code delivered}, {@code dead}. */
  public String word() {
    return word;
  }

  /** The state named {@code word}, as {@link #word()} writes it. */
  public static MatchDelivery of(String word) {
    for (MatchDelivery d : values()) {
      if (d.word.equals(word)) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown delivery state " + word + ": none, pending, delivered or dead");
  }
}
