package org.ctmon.parser.x509;

/**
 * The outcome of decoding a certificate: {@link Parsed} facts, or {@link Malformed} with a
 * reason and whatever could be recovered. Bad input is a result, never an exception.
 */
public sealed interface FactsResult permits FactsResult.Parsed, FactsResult.Malformed {
  /** The facts, complete in a {@link Parsed}, partial in a {@link Malformed}. */
  CertificateFacts facts();

  /** A certificate that decoded in full (oddities recovered from are in {@code problems}). */
  record Parsed(CertificateFacts facts) implements FactsResult {
    /** Requires complete facts. */
    public Parsed {
      if (facts == null || !facts.complete()) {
        throw new IllegalArgumentException("parsed facts must be complete");
      }
    }
  }

  /**
   * Bytes that did not decode as a certificate in full.
   *
   * @param reason lower-case, names the field and offset that failed
   * @param partial everything that could be recovered (names above all); absent fields are null
   */
  record Malformed(String reason, CertificateFacts partial) implements FactsResult {
    /** Requires a reason and the partial facts. */
    public Malformed {
      if (reason == null || reason.isEmpty() || partial == null) {
        throw new IllegalArgumentException("a malformed result needs a reason and partial facts");
      }
    }

    @Override
    public CertificateFacts facts() {
      return partial;
    }
  }
}
