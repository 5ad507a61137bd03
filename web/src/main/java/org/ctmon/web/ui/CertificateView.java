package org.ctmon.web.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ctmon.alerts.watch.MatchView;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.x509.CertificateFacts;
import org.ctmon.parser.x509.DnsName;
import org.ctmon.parser.x509.EmbeddedSct;
import org.ctmon.parser.x509.FactsResult;
import org.ctmon.parser.x509.PublicKeyFacts;
import org.ctmon.store.issuance.EntryRef;
import org.ctmon.store.issuance.EntryType;
import org.ctmon.store.issuance.IssuanceDetail;
import org.ctmon.store.issuance.IssuanceSummary;

/**
 * What the certificate page shows, as text the template escapes: fields from the decoded DER where
 * it is kept (else from the store's row), names, twins, log entries, embedded SCTs and the
 * visitor's verdicts. Every string may be attacker-chosen (certificate fields); only the
 * {@code href}s are built here, from hex and numbers.
 *
 * @param heading the first name (DNS, else IP, else the subject)
 * @param tbs the tbs_sha256, hex
 * @param source where the fields come from, in words
 * @param malformed why the stored DER did not decode in full ("" when it did or there is none)
 * @param names DNS names then IP addresses
 * @param fields subject, issuer, serial, validity, key, ...
 * @param scts the embedded SCTs (empty without DER)
 * @param problems oddities the decoder recovered from
 * @param hasDer whether PEM and DER can be downloaded
 * @param twins the precertificate and the final certificate
 * @param entries every log entry, oldest first
 * @param signedIn whether the visitor is signed in (else verdicts are not shown)
 * @param verdicts the visitor's watch lists' matches of it
 */
record CertificateView(String heading, String tbs, String source, String malformed, List<Name> names,
                       List<Field> fields, List<Sct> scts, List<String> problems, boolean hasDer, String pem,
                       String der, String json, List<Twin> twins, List<Entry> entries, boolean signedIn,
                       List<VerdictRow> verdicts, boolean authorized) {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** A name as shown, and its A-label form when that differs ("" otherwise). */
  record Name(String shown, String aLabel, String kind) {}

  /** One labelled value; {@code href} "" for none; {@code mono} for hashes and serials. */
  record Field(String label, String value, String href, boolean mono) {}

  /** An embedded SCT: the log (its name when ctmon knows it), its id, when. */
  record Sct(String log, String logId, String when) {}

  /** The precertificate or the final certificate: seen or not, its fingerprint and crt.sh link ("" unknown). */
  record Twin(String kind, boolean seen, String sha256, String crtSh) {}

  /** One log entry. */
  record Entry(String log, String logId, long index, String kind, String when) {}

  /** One of the visitor's matches. */
  record VerdictRow(String verdict, String reasons, String items, String watchlist, String watchlistLink,
                    String when, boolean historical) {}

  static CertificateView of(IssuanceDetail detail, Optional<FactsResult> decoded, Map<Sha256, String> logNames,
                            boolean signedIn, List<MatchView> mine, Map<Long, String> listNames, Instant now) {
    IssuanceSummary s = detail.summary();
    CertificateFacts f = decoded.map(FactsResult::facts).orElse(null);
    String what = detail.derIsPrecert() ? "precertificate" : "final certificate";
    String source = decoded.isPresent() ? "Decoded from the stored DER of the " + what + "."
        : "ctmon keeps the DER of certificates a watch list matched (or of all with retention.keepAllDer);"
            + " none is kept for this one, so this is what the store recorded when it was logged.";
    String malformed = decoded.filter(r -> r instanceof FactsResult.Malformed)
        .map(r -> ((FactsResult.Malformed) r).reason()).orElse("");

    List<Name> names = new ArrayList<>();
    if (f != null && !f.dnsNames().isEmpty()) {
      for (DnsName n : f.dnsNames()) {
        String shown = n.unicode();
        names.add(new Name(shown, shown.equals(n.name()) ? "" : n.name(), "DNS"));
      }
    } else {
      s.dnsNames().forEach(n -> names.add(new Name(n, "", "DNS")));
    }
    (f != null && !f.ipAddresses().isEmpty() ? f.ipAddresses() : s.ipAddresses())
        .forEach(ip -> names.add(new Name(ip, "", "IP")));

    List<Field> fields = new ArrayList<>();
    fields.add(text("Subject", or(f == null ? null : f.subject(), s.subjectDn())));
    fields.add(text("Issuer", or(f == null ? null : f.issuer(), s.issuerDn())));
    String serial = or(f == null ? null : f.serial(), s.serialHex());
    fields.add(new Field("Serial", serial, serial.isEmpty() ? "" : "/search?q=serial:" + serial, true));
    Instant nb = f != null && f.notBefore() != null ? f.notBefore() : s.notBefore();
    Instant na = f != null && f.notAfter() != null ? f.notAfter() : s.notAfter();
    fields.add(text("Not before", SECONDS.format(nb)));
    fields.add(text("Not after", SECONDS.format(na) + " (" + validity(nb, na)
        + (na.isBefore(now) ? ", expired" : "") + ")"));
    fields.add(text("Public key", f != null && f.publicKey() != null ? key(f.publicKey()) : s.keyType()));
    Sha256 spki = f != null && f.spkiSha256() != null ? f.spkiSha256() : s.spkiSha256();
    fields.add(new Field("SPKI SHA-256", spki.hex(), "/search?q=spki:" + spki.hex(), true));
    boolean ca = f != null ? f.isCa() : s.ca();
    fields.add(text("Basic constraints", ca ? "CA: true (a certificate authority)" : "CA: false (end entity)"));
    if (f != null && f.signatureAlgorithm() != null) {
      fields.add(text("Signature algorithm", f.signatureAlgorithm()));
    }
    fields.add(new Field("TBS SHA-256", s.tbsSha256().hex(), "", true));
    fields.add(text("First seen", SECONDS.format(s.firstSeen())));

    List<Sct> scts = new ArrayList<>();
    if (f != null) {
      for (EmbeddedSct sct : f.embeddedScts()) {
        scts.add(new Sct(logNames.getOrDefault(sct.logId(), "a log ctmon does not follow"), sct.logId().base64(),
            SECONDS.format(Instant.ofEpochMilli(sct.timestampMillis()))));
      }
    }

    List<Twin> twins = List.of(
        twin("Precertificate", s.precertSeen(), s.precertSha256()),
        twin("Certificate", s.finalSeen(), s.certSha256()));
    List<Entry> entries = new ArrayList<>();
    for (EntryRef e : detail.entries()) {
      entries.add(new Entry(logNames.getOrDefault(e.logId(), e.logId().base64()), e.logId().base64(), e.index(),
          e.type() == EntryType.PRECERT ? "precertificate" : "certificate",
          SECONDS.format(Instant.ofEpochMilli(e.timestampMs()))));
    }
    List<VerdictRow> verdicts = new ArrayList<>();
    for (MatchView m : mine) {
      verdicts.add(new VerdictRow(m.verdict().name().toLowerCase(Locale.ROOT), String.join("; ", m.reasons()),
          String.join(", ", m.watchItems()), listNames.getOrDefault(m.watchlistId(), "watch list " + m.watchlistId()),
          "/watchlists/" + m.watchlistId(), Display.when(m.createdAt()), m.historical()));
    }
    String heading = !names.isEmpty() ? names.get(0).shown() : s.subjectDn().isEmpty() ? s.tbsSha256().hex()
        : s.subjectDn();
    String api = "/api/v1/certs/" + s.tbsSha256().hex();
    return new CertificateView(heading, s.tbsSha256().hex(), source, malformed, names, fields, scts,
        f == null ? List.of() : f.problems(), detail.hasDer(), api + ".pem", api + ".der", api, twins, entries,
        signedIn, verdicts, false);
  }

  /** This view, saying whether the visitor's account marked the certificate as its own. */
  CertificateView authorized(boolean yes) {
    return new CertificateView(heading, tbs, source, malformed, names, fields, scts, problems, hasDer, pem, der, json,
        twins, entries, signedIn, verdicts, yes);
  }

  private static Twin twin(String kind, boolean seen, Optional<Sha256> sha) {
    return new Twin(kind, seen, sha.map(Sha256::hex).orElse(""),
        sha.map(h -> "https://crt.sh/?sha256=" + h.hex()).orElse(""));
  }

  private static Field text(String label, String value) {
    return new Field(label, value, "", false);
  }

  private static String or(String decoded, String stored) {
    return decoded != null ? decoded : stored;
  }

  /** {@code EC P-256 (secp256r1)}, {@code RSA 2048 bits}, {@code ED25519}. */
  private static String key(PublicKeyFacts k) {
    String type = k.type().toUpperCase(Locale.ROOT);
    if (k.curve() != null) {
      return type + (k.bits() > 0 ? " " + k.bits() + " bits" : "") + " (" + k.curve() + ")";
    }
    return k.bits() > 0 ? type + " " + k.bits() + " bits" : type;
  }

  /** The validity period as people count it: {@code 90 days}, {@code 6 hours}. */
  private static String validity(Instant from, Instant to) {
    Duration d = Duration.between(from, to).plusSeconds(1); // notAfter is inclusive (RFC 5280)
    if (d.isNegative()) {
      return "ends before it starts";
    }
    long days = d.toDays();
    return days >= 2 ? days + " days" : d.toHours() + " hours";
  }
}
