package org.ctmon.store.issuance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ctmon.store.ReversedName;
import org.ctmon.store.SqlText;

/**
 * The index lookups that find the keys of a criterion's issuances: one or more
 * {@code "<table> x WHERE <condition>"} branches, united, each served by one index. Every table
 * aliased {@code x} has {@code tbs_sha256}, {@code first_seen} and {@code not_after}.
 */
record CandidateSql(List<String> branches, Map<String, Object> binds) {
  static CandidateSql of(Criterion c) {
    Map<String, Object> binds = new HashMap<>();
    List<String> branches = new ArrayList<>();
    if (c instanceof Criterion.Name n) {
      String encodedReversed = SqlText.encode(ReversedName.reverse(n.name()));
      if (encodedReversed.length() >= SqlText.KEY_CHARS) {
        // Longer than a search key: the key is cut, so the intact name decides.
        branches.add("issuance_names x WHERE x.name_reversed = :key AND x.name = :name");
        binds.put("key", ReversedName.key(n.name()));
        binds.put("name", SqlText.encode(n.name()));
      } else {
        String wildcard = ReversedName.coveringWildcardKey(n.name());
        branches.add("issuance_names x WHERE x.name_reversed IN (:key, :wildcard)");
        binds.put("key", ReversedName.key(n.name()));
        binds.put("wildcard", wildcard == null ? ReversedName.key(n.name()) : wildcard);
      }
      if (n.subdomains()) {
        branches.add("issuance_names x WHERE x.name_reversed >= :from AND x.name_reversed < :until");
        binds.put("from", ReversedName.subdomainsFrom(n.name()));
        binds.put("until", ReversedName.subdomainsUntil(n.name()));
      }
      return new CandidateSql(branches, binds);
    }
    if (c instanceof Criterion.Issuer i) {
      binds.put("issuer", SqlText.key(i.name()));
      return new CandidateSql(List.of("issuances x WHERE x.issuer_cn = :issuer",
          "issuances x WHERE x.issuer_o = :issuer"), binds);
    }
    if (c instanceof Criterion.Spki s) {
      binds.put("spki", s.sha256().bytes());
      return new CandidateSql(List.of("issuances x WHERE x.spki_sha256 = :spki"), binds);
    }
    if (c instanceof Criterion.Fingerprint f) {
      binds.put("fp", f.sha256().bytes());
      return new CandidateSql(List.of("issuances x WHERE x.cert_sha256 = :fp",
          "issuances x WHERE x.precert_sha256 = :fp"), binds);
    }
    if (c instanceof Criterion.Serial s) {
      binds.put("serial", SqlText.key(s.hex()));
      return new CandidateSql(List.of("issuances x WHERE x.serial = :serial"), binds);
    }
    throw new AssertionError("unknown criterion " + c);
  }
}
