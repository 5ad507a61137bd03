package org.ctmon.web.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctmon.store.issuance.EntryRef;
import org.ctmon.store.issuance.IssuanceDetail;
import org.ctmon.store.issuance.IssuanceSummary;

/**
 * An issuance as the API shows it: the search result fields of DESIGN.md, and for the certificate
 * page the entries (every log, precert and final) and links to PEM and DER.
 */
final class IssuanceJson {
  private IssuanceJson() {}

  static Map<String, Object> summary(IssuanceSummary s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tbs_sha256", s.tbsSha256().hex());
    m.put("dns_names", s.dnsNames());
    m.put("ip_addresses", s.ipAddresses());
    m.put("subject", s.subjectDn());
    m.put("issuer", s.issuerDn());
    m.put("issuer_cn", s.issuerCn().orElse(null));
    m.put("issuer_o", s.issuerO().orElse(null));
    m.put("serial", s.serialHex());
    m.put("not_before", time(s.notBefore()));
    m.put("not_after", time(s.notAfter()));
    m.put("spki_sha256", s.spkiSha256().hex());
    m.put("key_type", s.keyType());
    m.put("is_ca", s.ca());
    m.put("precert_seen", s.precertSeen());
    m.put("final_seen", s.finalSeen());
    m.put("cert_sha256", s.certSha256().map(h -> h.hex()).orElse(null));
    m.put("first_seen", time(s.firstSeen()));
    return m;
  }

  static Map<String, Object> detail(IssuanceDetail d, String selfPath) {
    Map<String, Object> m = summary(d.summary());
    List<Map<String, Object>> entries = new ArrayList<>();
    for (EntryRef e : d.entries()) {
      Map<String, Object> em = new LinkedHashMap<>();
      em.put("log", e.logId().base64());
      em.put("index", e.index());
      em.put("entry_type", e.type().name().toLowerCase(java.util.Locale.ROOT));
      em.put("timestamp", e.timestampMs());
      entries.add(em);
    }
    m.put("entries", entries);
    Map<String, Object> links = new LinkedHashMap<>();
    if (d.hasDer()) {
      links.put("pem", selfPath + ".pem");
      links.put("der", selfPath + ".der");
      m.put("der_is_precert", d.derIsPrecert());
    }
    m.put("links", links);
    return m;
  }

  static String time(Instant t) {
    return t == null ? null : t.toString();
  }
}
