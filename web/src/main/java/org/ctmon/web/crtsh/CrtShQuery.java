package org.ctmon.web.crtsh;

import java.net.IDN;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.ctmon.store.issuance.Criterion;

/**
 * A crt.sh identity search as ctmon can answer it from its reversed-label name index.
 *
 * <ul>
 * <li>{@code q=example.com}: the name and every name below it, as crt.sh answers it (its
 *     full-text index holds each name's parent domains);
 * <li>{@code q=%.example.com}: only names below it (crt.sh's {@code ILIKE '%.example.com'});
 * <li>{@code match==}: exactly the name.
 * </ul>
 * Any other {@code %} would need every stored name read, and is refused.
 *
 * @param name the searched name: lower case, A-labels, no trailing dot, without {@code %.}
 * @param scope which names match
 * @param excludeExpired {@code exclude=expired}
 * @param excludedCas {@code excludeCAs=}: issuer ids ({@link CrtShRow#issuerCaId}) to leave out
 */
record CrtShQuery(String name, Scope scope, boolean excludeExpired, Set<Long> excludedCas) {
  /** Which names of a certificate match the searched name. */
  enum Scope {
    NAME_AND_SUBDOMAINS, SUBDOMAINS, EXACT;

    boolean matches(String searched, String candidate) {
      String c = candidate.toLowerCase(Locale.ROOT);
      boolean below = c.endsWith("." + searched);
      return switch (this) {
        case NAME_AND_SUBDOMAINS -> below || c.equals(searched);
        case SUBDOMAINS -> below;
        case EXACT -> c.equals(searched);
      };
    }
  }

  static final String SUPPORTED = "ctmon's crt.sh-compatible search takes q=example.com (the name and its"
      + " subdomains, as crt.sh), q=%.example.com (subdomains only) or q=example.com&match== (the name alone)";
  private static final List<String> PARAMETERS = List.of("q", "identity", "output", "exclude", "deduplicate",
      "match", "excludecas", "group");
  private static final Pattern NAME = Pattern.compile("(\\*\\.)?[a-z0-9_-]{1,63}(\\.[a-z0-9_-]{1,63})*");

  CrtShQuery {
    excludedCas = Set.copyOf(excludedCas);
  }

  Criterion.Name criterion() {
    return new Criterion.Name(name, scope != Scope.EXACT);
  }

  /**
   * Reads the request's parameters (names case-insensitive, as crt.sh lower-cases them).
   *
   * @param params every query parameter with its values, names as sent
   * @throws IllegalArgumentException with a message for the client when a parameter is unknown,
   *     repeated, or has a value ctmon cannot answer faithfully
   */
  static CrtShQuery parse(Map<String, List<String>> params) {
    Map<String, String> p = new HashMap<>();
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      if (!PARAMETERS.contains(key)) {
        throw new IllegalArgumentException("parameter " + printable(e.getKey()) + " is not supported here; "
            + "supported: q (or identity), output=json, exclude=expired, deduplicate=Y, match=ILIKE|LIKE|=,"
            + " excludeCAs=ID,..., group=none");
      }
      if (e.getValue().size() != 1 || p.put(key, e.getValue().get(0)) != null) {
        throw new IllegalArgumentException("parameter " + key + " given more than once");
      }
    }
    if (p.containsKey("q") && p.containsKey("identity")) {
      throw new IllegalArgumentException("give q or identity, not both");
    }
    String q = p.containsKey("q") ? p.get("q") : p.get("identity");
    if (q == null || q.isBlank()) {
      throw new IllegalArgumentException("q is required: " + SUPPORTED);
    }
    String output = p.get("output");
    if (output != null && !output.equalsIgnoreCase("json")) {
      throw new IllegalArgumentException("output must be json here, not " + printable(output));
    }
    String exclude = p.get("exclude");
    if (exclude != null && !exclude.isEmpty() && !exclude.equalsIgnoreCase("expired")) {
      throw new IllegalArgumentException("exclude takes only expired, not " + printable(exclude));
    }
    String dedup = p.get("deduplicate");
    if (dedup != null && !dedup.isEmpty() && !dedup.equalsIgnoreCase("y") && !dedup.equalsIgnoreCase("n")) {
      throw new IllegalArgumentException("deduplicate takes Y or N, not " + printable(dedup));
    }
    String group = p.get("group");
    if (group != null && !group.isEmpty() && !group.equalsIgnoreCase("none")) {
      throw new IllegalArgumentException("group takes only none here (one row per certificate), not "
          + printable(group));
    }
    String match = p.getOrDefault("match", "");
    boolean exact;
    if (match.isEmpty() || match.equalsIgnoreCase("ilike") || match.equalsIgnoreCase("like")) {
      exact = false;
    } else if (match.equals("=")) {
      exact = true;
    } else {
      throw new IllegalArgumentException("match takes ILIKE, LIKE or = here, not " + printable(match));
    }
    return of(q, exact, exclude != null && exclude.equalsIgnoreCase("expired"), cas(p.get("excludecas")));
  }

  private static CrtShQuery of(String q, boolean exact, boolean excludeExpired, Set<Long> cas) {
    String s = q.trim().toLowerCase(Locale.ROOT);
    boolean subdomainsOnly = false;
    if (s.startsWith("%.")) {
      s = s.substring(2);
      subdomainsOnly = true;
    }
    if (s.contains("%")) {
      throw new IllegalArgumentException("a % is supported only as the leading label (%.example.com): "
          + SUPPORTED + "; any other % would mean reading every stored name");
    }
    if (subdomainsOnly && exact) {
      throw new IllegalArgumentException("match== takes a name without %: " + SUPPORTED);
    }
    if (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    if (!s.chars().allMatch(c -> c < 0x80)) {
      try {
        s = IDN.toASCII(s, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("q is not a valid internationalized domain name: " + printable(q));
      }
    }
    if (s.length() > 253 || !NAME.matcher(s).matches()) {
      throw new IllegalArgumentException("q must be a DNS name (letters, digits, -, _ and dots, at most 253"
          + " characters), not " + printable(q) + ": " + SUPPORTED);
    }
    Scope scope = exact ? Scope.EXACT : subdomainsOnly ? Scope.SUBDOMAINS : Scope.NAME_AND_SUBDOMAINS;
    return new CrtShQuery(s, scope, excludeExpired, cas);
  }

  private static Set<Long> cas(String value) {
    Set<Long> out = new HashSet<>();
    if (value == null || value.isEmpty()) {
      return out;
    }
    String[] parts = value.split(",", -1);
    if (parts.length > 1000) {
      throw new IllegalArgumentException("excludeCAs takes at most 1000 ids");
    }
    for (String part : parts) {
      try {
        long id = Long.parseLong(part.trim());
        if (id < 0) {
          throw new NumberFormatException();
        }
        out.add(id);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("excludeCAs takes issuer_ca_id numbers separated by commas, not "
            + printable(value));
      }
    }
    return out;
  }

  /** A user's value for error messages: shortened, control characters and markup as code points. */
  static String printable(String s) {
    String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
    StringBuilder b = new StringBuilder("\"");
    cut.codePoints().forEach(c -> {
      if (Character.isISOControl(c) || "\"\\<>&".indexOf(c) >= 0) {
        b.append(String.format("\\u%04x", c));
      } else {
        b.appendCodePoint(c);
      }
    });
    return b.append('"').toString();
  }
}
