package org.ctmon.alerts.watch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a CA, named as in a CAA record ({@code letsencrypt.org}), writes in the issuer of its
 * certificates: organisation names and, where known, the SHA-256 of its issuing CAs' keys. Lets a
 * watch list say "only my CAA issuers" the way its DNS already does.
 *
 * <p>A table file is UTF-8 text, one mapping per line: {@code <caa domain><TAB><value>}, where the
 * value is an issuer organisation (O) as certificates spell it, compared case-insensitively, or
 * {@code sha256:<64 hex>} of an issuing CA's SubjectPublicKeyInfo. A domain may have many lines;
 * blank lines and lines starting with {@code #} are ignored. The bundled table is
 * {@code org/ctmon/alerts/watch/caa-issuers.tsv}. Immutable and thread safe.
 */
public final class CaaIssuers {
  private static final String RESOURCE = "caa-issuers.tsv";
  private final Map<String, Set<String>> organisations;
  private final Map<String, Set<String>> spkiHashes;

  private CaaIssuers(Map<String, Set<String>> organisations, Map<String, Set<String>> spkiHashes) {
    this.organisations = organisations;
    this.spkiHashes = spkiHashes;
  }

  /** The table shipped with ctmon. */
  public static CaaIssuers bundled() {
    try (InputStream in = CaaIssuers.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("bundled " + RESOURCE + " missing from the class path");
      }
      return new CaaIssuers(new HashMap<>(), new HashMap<>())
          .plus(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("error reading bundled " + RESOURCE, e);
    }
  }

  /**
   * This table plus the mappings of a user's file (added to, never replacing, the bundled ones).
   *
   * @throws InvalidWatchItemException naming the file and line of a malformed mapping
   * @throws UncheckedIOException if the file cannot be read
   */
  public CaaIssuers withExtra(Path tsv) {
    try {
      return plus(Files.readString(tsv, StandardCharsets.UTF_8), tsv.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("error reading caa issuer table " + tsv, e);
    }
  }

  /** Whether {@code caaDomain} (lower case) is in the table. */
  public boolean knows(String caaDomain) {
    return organisations.containsKey(caaDomain) || spkiHashes.containsKey(caaDomain);
  }

  /** The issuer organisations of {@code caaDomain}, lower-cased; empty when unknown. */
  public Set<String> organisations(String caaDomain) {
    return organisations.getOrDefault(caaDomain, Set.of());
  }

  /** The issuing-CA SPKI SHA-256 hashes (lower-case hex) of {@code caaDomain}; empty when unknown. */
  public Set<String> spkiSha256(String caaDomain) {
    return spkiHashes.getOrDefault(caaDomain, Set.of());
  }

  private CaaIssuers plus(String text, String source) {
    Map<String, Set<String>> orgs = copy(organisations);
    Map<String, Set<String>> keys = copy(spkiHashes);
    String[] lines = text.split("\r\n|\r|\n");
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      String where = source + " line " + (n + 1);
      if (tab < 0) {
        throw new InvalidWatchItemException("invalid caa issuer mapping at " + where + ": no tab between domain and value");
      }
      String domain = line.substring(0, tab).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(tab + 1).strip();
      if (domain.isEmpty() || value.isEmpty() || domain.contains(" ")) {
        throw new InvalidWatchItemException("invalid caa issuer mapping at " + where + ": empty domain or value");
      }
      if (value.startsWith("sha256:")) {
        String hex = IssuancePolicy.hex64(value.substring(7));
        if (hex == null) {
          throw new InvalidWatchItemException("invalid caa issuer mapping at " + where + ": \"" + value
              + "\" is not sha256: and 64 hex digits");
        }
        keys.computeIfAbsent(domain, d -> new LinkedHashSet<>()).add(hex);
      } else {
        orgs.computeIfAbsent(domain, d -> new LinkedHashSet<>()).add(value.toLowerCase(Locale.ROOT));
      }
    }
    return new CaaIssuers(freeze(orgs), freeze(keys));
  }

  private static Map<String, Set<String>> copy(Map<String, Set<String>> m) {
    Map<String, Set<String>> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, new LinkedHashSet<>(v)));
    return out;
  }

  private static Map<String, Set<String>> freeze(Map<String, Set<String>> m) {
    Map<String, Set<String>> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, Collections.unmodifiableSet(v)));
    return Collections.unmodifiableMap(out);
  }
}
