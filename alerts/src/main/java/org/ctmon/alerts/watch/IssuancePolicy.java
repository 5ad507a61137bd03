package org.ctmon.alerts.watch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a watch list expects of the certificates issued for it, and the verdict on one issuance:
 * which CAs may issue ({@code expected_issuers}), which subject keys are the owner's
 * ({@code known_keys}), and which names must never get a certificate ({@code never_issue}).
 *
 * <p>An expected issuer is a CAA identifier from the {@link CaaIssuers} table
 * ({@code letsencrypt.org}), {@code sha256:} and the hex SHA-256 of an issuing CA's
 * SubjectPublicKeyInfo, or a CA name compared case-insensitively with the issuer's O or CN. An
 * empty list allows any issuer; an empty key list allows any key. Issuer DNs are chosen by CAs, so
 * the issuer key, when known, is the stronger check. Pure and immutable: thread safe.
 */
public final class IssuancePolicy {
  private final Set<String> issuerNames;
  private final Set<String> issuerKeys;
  private final boolean anyIssuer;
  private final Set<String> knownKeys;
  private final Matcher neverIssue;

  private IssuancePolicy(Set<String> issuerNames, Set<String> issuerKeys, boolean anyIssuer, Set<String> knownKeys,
      Matcher neverIssue) {
    this.issuerNames = issuerNames;
    this.issuerKeys = issuerKeys;
    this.anyIssuer = anyIssuer;
    this.knownKeys = knownKeys;
    this.neverIssue = neverIssue;
  }

  /**
   * What one certificate says about its issuance, as far as a policy cares.
   *
   * @param issuerO the issuer's first O, or null
   * @param issuerCn the issuer's first CN, or null
   * @param issuerDn the issuer DN as text, for reasons
   * @param issuerSpkiSha256Hex hex SHA-256 of the issuing CA's SPKI, or null when not known
   * @param spkiSha256Hex hex SHA-256 of the certificate's own SPKI
   * @param dnsNames the certificate's DNS names as the parser normalized them
   * @param ipAddresses its IP addresses as text
   */
  public record IssuanceFacts(String issuerO, String issuerCn, String issuerDn, String issuerSpkiSha256Hex,
      String spkiSha256Hex, List<String> dnsNames, List<String> ipAddresses) {
    /** Copies the lists (null becomes empty). */
    public IssuanceFacts {
      dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
      ipAddresses = ipAddresses == null ? List.of() : List.copyOf(ipAddresses);
    }
  }

  /**
   * The verdict: expected when nothing is wrong.
   *
   * @param expected whether the issuance is what the list's owner expects
   * @param reasons lower-case, one per thing wrong, in the order issuer, key, names; empty when expected
   */
  public record Evaluation(boolean expected, List<String> reasons) {
    /** Copies the reasons. */
    public Evaluation {
      reasons = List.copyOf(reasons);
    }
  }

  /**
   * A policy from a watch list's settings.
   *
   * @throws InvalidWatchItemException naming the first bad value: an unknown CAA domain, a
   *     malformed hash, an invalid never-issue item
   */
  public static IssuancePolicy of(List<String> expectedIssuers, List<String> knownKeys, List<String> neverIssue,
      CaaIssuers table) {
    Set<String> names = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (String raw : expectedIssuers) {
      String s = raw == null ? "" : raw.strip();
      String lower = s.toLowerCase(Locale.ROOT);
      if (s.isEmpty()) {
        throw new InvalidWatchItemException("invalid expected issuer: empty");
      } else if (lower.startsWith("sha256:")) {
        String hex = hex64(s.substring(7));
        if (hex == null) {
          throw new InvalidWatchItemException("invalid expected issuer \"" + s + "\": sha256: needs 64 hex digits");
        }
        keys.add(hex);
      } else if (looksLikeDomain(lower)) {
        if (!table.knows(lower)) {
          throw new InvalidWatchItemException("invalid expected issuer \"" + s
              + "\": unknown caa issuer domain (add it to the caa issuer table, or give the ca name or sha256:)");
        }
        names.addAll(table.organisations(lower));
        keys.addAll(table.spkiSha256(lower));
      } else {
        names.add(lower);
      }
    }
    Set<String> known = new HashSet<>();
    for (String raw : knownKeys) {
      String s = raw == null ? "" : raw.strip();
      String hex = hex64(s.toLowerCase(Locale.ROOT).startsWith("sha256:") ? s.substring(7) : s);
      if (hex == null) {
        throw new InvalidWatchItemException("invalid known key \"" + s + "\": needs 64 hex digits (sha-256 of the spki)");
      }
      known.add(hex);
    }
    List<WatchItem> never = new ArrayList<>();
    for (String s : neverIssue) {
      never.add(WatchItem.parse(s));
    }
    return new IssuancePolicy(Set.copyOf(names), Set.copyOf(keys), expectedIssuers.isEmpty(), Set.copyOf(known),
        Matcher.of(List.of(new WatchTarget(0, 0, never, false))));
  }

  /** The verdict on one issuance. */
  public Evaluation evaluate(IssuanceFacts f) {
    List<String> reasons = new ArrayList<>();
    if (!anyIssuer && !issuerAllowed(f)) {
      if (f.issuerSpkiSha256Hex() == null && issuerNames.isEmpty()) {
        reasons.add("issuer could not be checked (issuer key unknown): " + f.issuerDn());
      } else {
        reasons.add("issuer not allowed: " + f.issuerDn());
      }
    }
    String key = f.spkiSha256Hex() == null ? null : f.spkiSha256Hex().toLowerCase(Locale.ROOT);
    if (!knownKeys.isEmpty() && (key == null || !knownKeys.contains(key))) {
      reasons.add("key not known: " + key);
    }
    for (String name : f.dnsNames()) {
      if (!neverIssue.match(List.of(name), List.of()).isEmpty()) {
        reasons.add("name never to be issued: " + name);
      }
    }
    for (String ip : f.ipAddresses()) {
      if (!neverIssue.match(List.of(), List.of(ip)).isEmpty()) {
        reasons.add("address never to be issued: " + ip);
      }
    }
    return new Evaluation(reasons.isEmpty(), reasons);
  }

  private boolean issuerAllowed(IssuanceFacts f) {
    String spki = f.issuerSpkiSha256Hex();
    if (spki != null && issuerKeys.contains(spki.toLowerCase(Locale.ROOT))) {
      return true;
    }
    return f.issuerO() != null && issuerNames.contains(f.issuerO().strip().toLowerCase(Locale.ROOT))
        || f.issuerCn() != null && issuerNames.contains(f.issuerCn().strip().toLowerCase(Locale.ROOT));
  }

  /** A CAA issuer domain has a dot and nothing a CA name has: spaces, commas, apostrophes. */
  private static boolean looksLikeDomain(String s) {
    return s.indexOf('.') > 0 && s.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-');
  }

  /** {@code s} as 64 lower-case hex digits, or null when it is not 64 hex digits. */
  static String hex64(String s) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    if (t.length() != 64) {
      return null;
    }
    for (int i = 0; i < 64; i++) {
      char c = t.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return null;
      }
    }
    return t;
  }
}
