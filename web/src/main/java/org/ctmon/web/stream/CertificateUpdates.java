package org.ctmon.web.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.ctmon.store.ingest.IngestBatch;
import org.ctmon.store.ingest.Issuance;
import org.ctmon.store.ingest.LogEntryRecord;
import org.ctmon.store.issuance.EntryType;

/**
 * Builds certstream's messages for the entries of one committed batch, in the shapes of
 * CaliDog's certstream-server (plus certstream-server-go's additive {@code issuer},
 * {@code sha256}, {@code is_ca}, {@code source.timestamp}). Stateless and thread-safe.
 */
final class CertificateUpdates {
  private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();
  private static final List<String> SUBJECT_KEYS = List.of("C", "ST", "L", "O", "OU", "CN");

  private final ObjectMapper json;

  CertificateUpdates(ObjectMapper json) {
    this.json = json;
  }

  /** One entry's three serialized messages. */
  record Encoded(String lite, String full, String domainsOnly) {}

  /**
   * The messages for each entry of {@code batch}, in index order.
   *
   * @param seenSeconds when ctmon saw the batch, seconds since the epoch
   */
  List<Encoded> encode(IngestBatch batch, LogSource source, double seenSeconds) {
    return encode(batch, source, seenSeconds, Integer.MAX_VALUE);
  }

  /** The messages of the batch's last {@code last} entries only (what /latest.json keeps). */
  List<Encoded> encode(IngestBatch batch, LogSource source, double seenSeconds, int last) {
    Map<String, Issuance> byTbsAndKind = new HashMap<>();
    for (Issuance i : batch.issuances()) {
      byTbsAndKind.putIfAbsent(key(i.tbsSha256().hex(), i.precert()), i);
      byTbsAndKind.putIfAbsent(i.tbsSha256().hex(), i);
    }
    List<LogEntryRecord> entries = batch.entries();
    entries = entries.subList(Math.max(0, entries.size() - last), entries.size());
    List<Encoded> out = new ArrayList<>(entries.size());
    for (LogEntryRecord e : entries) {
      boolean precert = e.type() == EntryType.PRECERT;
      Issuance i = byTbsAndKind.getOrDefault(key(e.tbsSha256().hex(), precert), byTbsAndKind.get(e.tbsSha256().hex()));
      out.add(encode(e, i, source, seenSeconds));
    }
    return out;
  }

  private Encoded encode(LogEntryRecord e, Issuance i, LogSource source, double seenSeconds) {
    ObjectNode leaf = certificate(i);
    ArrayNode domains = leaf.putArray("all_domains");
    i.dnsNames().forEach(domains::add);

    ObjectNode data = json.createObjectNode();
    data.put("update_type", e.type() == EntryType.PRECERT ? "PrecertLogEntry" : "X509LogEntry");
    data.set("leaf_cert", leaf);
    data.put("cert_index", e.index());
    data.put("cert_link", source.certLink(e.index()));
    data.put("seen", seenSeconds);
    ObjectNode src = data.putObject("source");
    src.put("url", source.url());
    src.put("name", source.name());
    src.put("timestamp", e.timestampMs() / 1000);
    src.put("type", source.tiled() ? "tiled" : "rfc6962");
    ObjectNode message = json.createObjectNode();
    message.put("message_type", "certificate_update");
    message.set("data", data);
    String lite = message.toString();

    if (i.der() != null) {
      leaf.put("as_der", i.der().base64());
    }
    data.putArray("chain");
    String full = message.toString();

    ObjectNode dns = json.createObjectNode();
    dns.put("message_type", "dns_entries");
    dns.set("data", domains);
    return new Encoded(lite, full, dns.toString());
  }

  private ObjectNode certificate(Issuance i) {
    ObjectNode leaf = json.createObjectNode();
    leaf.set("subject", name(i.subjectDn()));
    leaf.set("issuer", name(i.issuerDn()));
    ObjectNode ext = leaf.putObject("extensions");
    ext.put("basicConstraints", i.ca() ? "CA:TRUE" : "CA:FALSE");
    List<String> san = new ArrayList<>();
    i.dnsNames().forEach(n -> san.add("DNS:" + n));
    i.ipAddresses().forEach(a -> san.add("IP Address:" + a));
    if (!san.isEmpty()) {
      ext.put("subjectAltName", String.join(", ", san));
    }
    leaf.put("not_before", i.notBefore().getEpochSecond());
    leaf.put("not_after", i.notAfter().getEpochSecond());
    leaf.put("serial_number", i.serialHex().toUpperCase(Locale.ROOT));
    if (i.der() != null) {
      leaf.put("fingerprint", COLON_HEX.formatHex(sha1(i.der().unsafeBytes())));
    } else {
      leaf.putNull("fingerprint");
    }
    if (i.certSha256() != null) {
      leaf.put("sha256", COLON_HEX.formatHex(i.certSha256().bytes()));
    }
    leaf.put("is_ca", i.ca());
    return leaf;
  }

  /** certstream's name object: OpenSSL's {@code /C=US/O=.../CN=...} plus the usual attributes. */
  private ObjectNode name(String rfc4514) {
    ObjectNode n = json.createObjectNode();
    Map<String, String> first = new HashMap<>();
    StringBuilder aggregated = new StringBuilder();
    try {
      // LdapName lists RDNs right to left, which is the certificate's (and OpenSSL's) order.
      for (Rdn rdn : new LdapName(rfc4514).getRdns()) {
        String type = rdn.getType().toUpperCase(Locale.ROOT);
        String value = String.valueOf(rdn.getValue());
        aggregated.append('/').append(type).append('=').append(value);
        first.putIfAbsent(type, value);
      }
    } catch (InvalidNameException | IllegalArgumentException e) {
      aggregated.setLength(0);
      aggregated.append('/').append(rfc4514);
    }
    n.put("aggregated", aggregated.toString());
    for (String k : SUBJECT_KEYS) {
      n.put(k, first.get(k));
    }
    return n;
  }

  private static String key(String tbsHex, boolean precert) {
    return tbsHex + (precert ? "/precert" : "/x509");
  }

  private static byte[] sha1(byte[] der) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(der);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-1", e);
    }
  }
}
