package org.ctmon.store.issuance;

import java.util.Locale;
import java.util.Objects;
import org.ctmon.parser.Sha256;

/** What an issuance search looks for. */
public sealed interface Criterion {
  /**
   * Issuances for a DNS name. Exact: the name itself and the wildcard covering it
   * ({@code *.example.com} for {@code www.example.com}). With subdomains: also every name below it.
   *
   * @param name normalized name (lower case, A-labels), without a leading dot
   * @param subdomains whether every subdomain matches too
   */
  record Name(String name, boolean subdomains) implements Criterion {
    public Name {
      Objects.requireNonNull(name, "name");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("a name search needs a name");
      }
    }

    /**
     * A search as users write it: {@code .example.com} (or {@code %.example.com}, crt.sh's form)
     * is the name and all its subdomains; anything else is exact. Lower-cased; a trailing dot is
     * dropped.
     */
    public static Name parse(String q) {
      String s = q.trim().toLowerCase(Locale.ROOT);
      boolean sub = false;
      if (s.startsWith("%.")) {
        s = s.substring(2);
        sub = true;
      } else if (s.startsWith(".")) {
        s = s.substring(1);
        sub = true;
      }
      if (s.endsWith(".")) {
        s = s.substring(0, s.length() - 1);
      }
      return new Name(s, sub);
    }
  }

  /** Issuances whose issuer common name is exactly {@code commonName} ({@code R11}, {@code E6}). */
  record Issuer(String commonName) implements Criterion {
    public Issuer {
      Objects.requireNonNull(commonName, "commonName");
    }
  }

  /** Issuances for a key: SHA-256 of the SubjectPublicKeyInfo. */
  record Spki(Sha256 sha256) implements Criterion {
    public Spki {
      Objects.requireNonNull(sha256, "sha256");
    }
  }

  /**
   * The issuance whose final certificate has this SHA-256 fingerprint. (Precertificate
   * fingerprints are stored but not indexed: the API shows the final certificate's.)
   */
  record Fingerprint(Sha256 sha256) implements Criterion {
    public Fingerprint {
      Objects.requireNonNull(sha256, "sha256");
    }
  }

  /** Issuances with this serial number (lower-case hex, as stored), from any issuer. */
  record Serial(String hex) implements Criterion {
    public Serial {
      hex = hex.toLowerCase(Locale.ROOT);
    }
  }
}
