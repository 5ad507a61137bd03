package org.ctmon.web.api;

import java.util.Locale;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.x509.DnsName;
import org.ctmon.store.issuance.Criterion;

/**
 * What a search box or {@code ?q=} means: a DNS name ({@code www.example.com}), a name and all its
 * subdomains ({@code .example.com} or crt.sh's {@code %.example.com}), or a prefixed search:
 * {@code issuer:R11}, {@code spki:<hex>}, {@code sha256:<hex>} (certificate fingerprint),
 * {@code serial:<hex>}. Unicode names are converted to A-labels. Anything else is a clear error.
 */
public final class SearchQuery {
  private SearchQuery() {}

  /**
   * The criterion, or an {@link IllegalArgumentException} whose message is shown to the user: the
   * one reading of the API's {@code q} and the search page's box.
   */
  public static Criterion parse(String q) {
    if (q == null || q.isBlank()) {
      throw new IllegalArgumentException("give a search: q=example.com, q=.example.com (with subdomains), q=issuer:R11, q=spki:<sha256 hex>, q=sha256:<cert sha256 hex>, q=serial:<hex>");
    }
    String t = q.strip(); // white space only: a NUL or other control character stays, to be refused by name
    if (t.length() > 1024) {
      throw new IllegalArgumentException("a search is at most 1024 characters");
    }
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.startsWith("issuer:")) {
      String cn = t.substring(7).trim();
      if (cn.isEmpty()) {
        throw new IllegalArgumentException("issuer: needs an issuer common name, e.g. issuer:R11");
      }
      return new Criterion.Issuer(cn);
    }
    if (lower.startsWith("spki:")) {
      return new Criterion.Spki(hash(lower.substring(5).trim(), "spki"));
    }
    if (lower.startsWith("sha256:")) {
      return new Criterion.Fingerprint(hash(lower.substring(7).trim(), "sha256"));
    }
    if (lower.startsWith("serial:")) {
      String hex = lower.substring(7).trim().replace(":", "");
      if (!hex.matches("-?[0-9a-f]+")) {
        throw new IllegalArgumentException("serial: needs a hexadecimal serial number, e.g. serial:03a1f2");
      }
      return new Criterion.Serial(hex.replaceFirst("^(-?)0+(?=[0-9a-f])", "$1"));
    }
    Criterion.Name shape;
    try {
      shape = Criterion.Name.parse(t); // the leading "." or "%." and a trailing dot, as the store reads them
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + shown(t) + "' is not a DNS name");
    }
    if (shape.name().contains("%")) {
      throw new IllegalArgumentException("only a leading %. is supported (all subdomains), as in %.example.com");
    }
    DnsName parsed = DnsName.parse(shape.name());
    if (parsed.name().isEmpty() || parsed.name().contains(" ")
        || parsed.name().chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("'" + shown(t) + "' is not a DNS name");
    }
    return new Criterion.Name(parsed.name(), shape.subdomains());
  }

  /** {@code text} with control characters written as {@code \\uXXXX}, so an error shows what was sent. */
  private static String shown(String text) {
    StringBuilder b = new StringBuilder(text.length());
    text.chars().forEach(c -> {
      if (Character.isISOControl(c)) {
        b.append(String.format("\\u%04x", c));
      } else {
        b.append((char) c);
      }
    });
    return b.toString();
  }

  private static Sha256 hash(String hex, String prefix) {
    try {
      return Sha256.fromHex(hex.replace(":", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(prefix + ": needs 64 hexadecimal digits (a sha-256)");
    }
  }
}
