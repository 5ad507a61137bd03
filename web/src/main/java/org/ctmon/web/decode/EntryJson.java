package org.ctmon.web.decode;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.leaf.Decoded;
import org.ctmon.parser.leaf.EntryDecoding;
import org.ctmon.parser.leaf.LogEntry;
import org.ctmon.parser.leaf.Malformed;
import org.ctmon.parser.leaf.PrecertEntry;
import org.ctmon.parser.leaf.X509Entry;
import org.ctmon.parser.x509.CertificateDecoder;
import org.ctmon.parser.x509.CertificateFacts;
import org.ctmon.parser.x509.DnsName;
import org.ctmon.parser.x509.FactsResult;

/**
 * One decoded log entry as the JSON object {@code ctmon decode} prints: the fields of the
 * {@code decode} command in DESIGN.md, always all of them, null where unknown, so scripts can rely
 * on the shape. A malformed entry keeps what could be recovered and says why in {@code error}.
 */
final class EntryJson {
  private EntryJson() {}

  /** Writes one entry as a JSON object (no trailing newline); true when the entry is malformed. */
  static boolean write(JsonGenerator out, EntryDecoding decoding) throws IOException {
    if (decoding instanceof Decoded d) {
      return writeEntry(out, d.entry());
    } else if (decoding instanceof Malformed m) {
      writeMalformedLeaf(out, m);
      return true;
    } else {
      throw new AssertionError("unknown entry decoding " + decoding);
    }
  }

  /** Writes an entry that the log served but whose bytes were not even base64. */
  static void writeUnreadable(JsonGenerator out, long index, String error) throws IOException {
    out.writeStartObject();
    out.writeNumberField("index", index);
    out.writeNullField("entry_type");
    out.writeNullField("timestamp");
    writeFacts(out, null, null);
    out.writeStringField("error", error);
    out.writeEndObject();
  }

  private static boolean writeEntry(JsonGenerator out, LogEntry entry) throws IOException {
    String type;
    FactsResult result;
    if (entry instanceof X509Entry x) {
      type = "x509";
      result = CertificateDecoder.fromCertificate(x.certificate());
    } else if (entry instanceof PrecertEntry p) {
      type = "precert";
      result = CertificateDecoder.fromTbs(p.tbsCertificate(), true);
    } else {
      throw new AssertionError("unknown log entry " + entry);
    }
    out.writeStartObject();
    out.writeNumberField("index", entry.index());
    out.writeStringField("entry_type", type);
    out.writeNumberField("timestamp", entry.timestamp());
    String error = null;
    if (result instanceof FactsResult.Malformed m) {
      error = "certificate: " + m.reason();
    }
    writeFacts(out, result.facts(), type);
    if (error == null) {
      out.writeNullField("error");
    } else {
      out.writeStringField("error", error);
    }
    out.writeEndObject();
    return error != null;
  }

  private static void writeMalformedLeaf(JsonGenerator out, Malformed m) throws IOException {
    out.writeStartObject();
    out.writeNumberField("index", m.index());
    out.writeNullField("entry_type");
    out.writeNullField("timestamp");
    writeFacts(out, null, null);
    out.writeStringField("error", "leaf: " + m.reason());
    out.writeEndObject();
  }

  private static void writeFacts(JsonGenerator out, CertificateFacts f, String type) throws IOException {
    hex(out, "tbs_sha256", f == null ? null : f.tbsSha256());
    hex(out, "cert_sha256", f == null || !"x509".equals(type) ? null : f.certSha256());
    out.writeArrayFieldStart("dns_names");
    if (f != null) {
      // Sorted and unique by the normalized name; junk names stay, as they were written.
      TreeSet<String> names = new TreeSet<>();
      for (DnsName n : f.dnsNames()) {
        names.add(n.name());
      }
      for (String n : names) {
        out.writeString(n);
      }
    }
    out.writeEndArray();
    out.writeArrayFieldStart("ip_addresses");
    if (f != null) {
      for (String ip : new TreeSet<>(f.ipAddresses())) {
        out.writeString(ip);
      }
    }
    out.writeEndArray();
    text(out, "subject", f == null ? null : f.subject());
    text(out, "issuer", f == null ? null : f.issuer());
    text(out, "serial", f == null ? null : f.serial());
    text(out, "not_before", f == null ? null : rfc3339(f.notBefore()));
    text(out, "not_after", f == null ? null : rfc3339(f.notAfter()));
    hex(out, "spki_sha256", f == null ? null : f.spkiSha256());
    if (f == null) {
      out.writeNullField("is_ca");
    } else {
      out.writeBooleanField("is_ca", f.isCa());
    }
  }

  private static void hex(JsonGenerator out, String field, Sha256 value) throws IOException {
    text(out, field, value == null ? null : value.hex());
  }

  private static void text(JsonGenerator out, String field, String value) throws IOException {
    if (value == null) {
      out.writeNullField(field);
    } else {
      out.writeStringField(field, value);
    }
  }

  /** RFC 3339 in UTC, whole seconds when the certificate has no fraction (it never has). */
  static String rfc3339(Instant t) {
    if (t == null) {
      return null;
    }
    return DateTimeFormatter.ISO_INSTANT.format(t.getNano() == 0 ? t : t.truncatedTo(ChronoUnit.MILLIS));
  }

  /** For tests: the field names in output order. */
  static final List<String> FIELDS = List.of("index", "entry_type", "timestamp", "tbs_sha256", "cert_sha256",
      "dns_names", "ip_addresses", "subject", "issuer", "serial", "not_before", "not_after", "spki_sha256",
      "is_ca", "error");
}
