package org.ctmon.store.issuance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.ctmon.store.ReversedName;
import org.ctmon.store.SqlText;

/**
 * The index lookups that find the issuance ids of a criterion: one or more branches, united, each
 * served by one index. A branch is {@code "<table> x WHERE <condition>"} plus the column of
 * {@code x} that holds the issuance id; every such table has {@code first_seen}, {@code not_after}
 * and {@code part}, the index partition every branch is limited to
 * ({@link org.ctmon.store.IndexPartition}).
 */
record CandidateSql(List<Branch> branches, Map<String, Object> binds) {
  /**
   * One index lookup: {@code table x WHERE condition}, per partition; {@code filter} says which
   * partitions may hold a row ({@link NameFilter}), or is null when any may.
   */
  record Branch(String table, String condition, String idColumn, Predicate<NameFilter> filter) {}

  static CandidateSql of(Criterion c) {
    Map<String, Object> binds = new HashMap<>();
    List<Branch> branches = new ArrayList<>();
    if (c instanceof Criterion.Name n) {
      String encodedReversed = SqlText.encode(ReversedName.reverse(n.name()));
      if (encodedReversed.length() >= SqlText.KEY_CHARS) {
        // Longer than a search key: the key is cut, so the intact name decides.
        String key = ReversedName.key(n.name());
        long hash = NameFilter.exactHash(key);
        branches.add(names("x.name_reversed = :key AND x.name = :name", f -> f.mayHave(hash)));
        binds.put("key", key);
        binds.put("name", SqlText.encode(n.name()));
      } else {
        // Two equalities, not IN (:key, :wildcard): each is one seek per partition.
        String key = ReversedName.key(n.name());
        long hash = NameFilter.exactHash(key);
        branches.add(names("x.name_reversed = :key", f -> f.mayHave(hash)));
        binds.put("key", key);
        String wildcard = ReversedName.coveringWildcardKey(n.name());
        if (wildcard != null) {
          long wildcardHash = NameFilter.exactHash(wildcard);
          branches.add(names("x.name_reversed = :wildcard", f -> f.mayHave(wildcardHash)));
          binds.put("wildcard", wildcard);
        }
      }
      if (n.subdomains()) {
        String domain = ReversedName.key(n.name());
        long underHash = NameFilter.underHash(domain);
        branches.add(names("x.name_reversed >= :from AND x.name_reversed < :until", f -> f.mayHave(underHash)));
        binds.put("from", ReversedName.subdomainsFrom(n.name()));
        binds.put("until", ReversedName.subdomainsUntil(n.name()));
      }
      return new CandidateSql(branches, binds);
    }
    if (c instanceof Criterion.Issuer i) {
      binds.put("issuer", SqlText.key(i.commonName()));
      return new CandidateSql(List.of(issuances("x.issuer_cn = :issuer")), binds);
    }
    if (c instanceof Criterion.Spki s) {
      binds.put("spki", s.sha256().bytes());
      return new CandidateSql(List.of(issuances("x.spki_sha256 = :spki")), binds);
    }
    if (c instanceof Criterion.Fingerprint f) {
      binds.put("fp", f.sha256().bytes());
      return new CandidateSql(List.of(issuances("x.cert_sha256 = :fp")), binds);
    }
    if (c instanceof Criterion.Serial s) {
      binds.put("serial", SqlText.key(s.hex()));
      return new CandidateSql(List.of(issuances("x.serial = :serial")), binds);
    }
    throw new AssertionError("unknown criterion " + c);
  }

  private static Branch names(String condition, Predicate<NameFilter> filter) {
    return new Branch("issuance_names", condition, "issuance_id", filter);
  }

  private static Branch issuances(String condition) {
    return new Branch("issuances", condition, "id", null);
  }
}
