package org.ctmon.web.crtsh;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.ctmon.store.issuance.IssuanceSummary;
import org.ctmon.store.issuance.NumberedIssuance;

/**
 * One issuance as a crt.sh JSON row: crt.sh's fields in crt.sh's order and types. Not ours to
 * rename: scripts read them.
 */
final class CrtShRow {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private CrtShRow() {}

  /**
   * The row, or empty when none of the issuance's names matches the search the way crt.sh
   * matches (the store's exact search also finds the wildcard covering a name, crt.sh does not)
   * or its issuer is excluded.
   */
  static Optional<Map<String, Object>> of(NumberedIssuance n, CrtShQuery q) {
    IssuanceSummary s = n.summary();
    long caId = issuerCaId(s.issuerDn());
    if (q.excludedCas().contains(caId)) {
      return Optional.empty();
    }
    TreeSet<String> matching = new TreeSet<>();
    int count = 0;
    for (String name : s.dnsNames()) {
      if (q.scope().matches(q.name(), name)) {
        matching.add(name);
        count++;
      }
    }
    if (matching.isEmpty()) {
      return Optional.empty();
    }
    String cn = commonName(s.subjectDn()).orElse(null);
    if (cn != null && q.scope().matches(q.name(), cn)) {
      count++; // crt.sh counts the subject CN and the SAN as two matching identities
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("issuer_ca_id", caId);
    row.put("issuer_name", crtShDn(s.issuerDn()));
    row.put("common_name", cn);
    row.put("name_value", String.join("\n", matching));
    row.put("id", n.id());
    row.put("entry_timestamp", timestamp(s.firstSeen()));
    row.put("not_before", timestamp(s.notBefore()));
    row.put("not_after", timestamp(s.notAfter()));
    row.put("serial_number", s.serialHex());
    row.put("result_count", count);
    return Optional.of(row);
  }

  /**
   * ctmon's stand-in for crt.sh's CA id: the first 48 bits of the SHA-256 of the issuer DN as
   * ctmon stores it (RFC 4514), so it is the same on every ctmon install, fits a JSON number
   * exactly, and differs from crt.sh's. Two CAs with the same DN share it.
   */
  static long issuerCaId(String issuerDn) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(issuerDn.getBytes(StandardCharsets.UTF_8));
      byte[] eight = new byte[8];
      System.arraycopy(h, 0, eight, 2, 6);
      return ByteBuffer.wrap(eight).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }

  /**
   * crt.sh's timestamp text: UTC, ISO-8601 without a zone, fractional seconds only when there are
   * any and without trailing zeros (as PostgreSQL prints a {@code timestamp}).
   */
  static String timestamp(Instant t) {
    LocalDateTime utc = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    String text = SECONDS.format(utc);
    int millis = utc.getNano() / 1_000_000;
    if (millis == 0) {
      return text;
    }
    String fraction = String.format("%03d", millis);
    while (fraction.endsWith("0")) {
      fraction = fraction.substring(0, fraction.length() - 1);
    }
    return text + "." + fraction;
  }

  /** The first (most specific) CN of an RFC 4514 DN, unescaped, or empty. */
  static Optional<String> commonName(String rfc4514) {
    for (List<String[]> rdn : rdns(rfc4514)) {
      for (String[] ava : rdn) {
        if (ava[0].equals("CN")) {
          return Optional.of(ava[1]);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * An RFC 4514 DN as crt.sh prints names ({@code C=US, O=Let's Encrypt, CN=R3}): RDNs in
   * certificate order joined by {@code ", "}, a value holding {@code , + " \ < > ;} in double
   * quotes with {@code "} and {@code \} escaped inside.
   */
  static String crtShDn(String rfc4514) {
    List<String> out = new ArrayList<>();
    for (List<String[]> rdn : rdns(rfc4514)) {
      List<String> members = new ArrayList<>();
      for (String[] ava : rdn) {
        members.add(ava[0] + "=" + quoted(ava[1]));
      }
      Collections.reverse(members);
      out.add(String.join(" + ", members));
    }
    Collections.reverse(out);
    return String.join(", ", out);
  }

  private static String quoted(String v) {
    if (v.chars().noneMatch(c -> ",+\"\\<>;".indexOf(c) >= 0)) {
      return v;
    }
    return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** RDNs of an RFC 4514 string in the order written, each a list of {type, unescaped value}. */
  private static List<List<String[]>> rdns(String dn) {
    List<List<String[]>> rdns = new ArrayList<>();
    List<String[]> rdn = new ArrayList<>();
    StringBuilder type = new StringBuilder();
    ByteArrayOutputStream value = new ByteArrayOutputStream();
    boolean inValue = false;
    for (int i = 0; i < dn.length(); i++) {
      char c = dn.charAt(i);
      if (inValue && c == '\\' && i + 1 < dn.length()) {
        char d = dn.charAt(i + 1);
        if (i + 2 < dn.length() && hex(d) >= 0 && hex(dn.charAt(i + 2)) >= 0) {
          value.write(hex(d) * 16 + hex(dn.charAt(i + 2)));
          i += 2;
        } else {
          byte[] b = String.valueOf(d).getBytes(StandardCharsets.UTF_8);
          value.write(b, 0, b.length);
          i++;
        }
      } else if (!inValue && c == '=') {
        inValue = true;
      } else if (c == ',' || c == '+') {
        rdn.add(new String[] {type.toString(), value.toString(StandardCharsets.UTF_8)});
        type.setLength(0);
        value.reset();
        inValue = false;
        if (c == ',') {
          rdns.add(rdn);
          rdn = new ArrayList<>();
        }
      } else if (inValue) {
        int cp = dn.codePointAt(i);
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        value.write(b, 0, b.length);
        i += Character.charCount(cp) - 1;
      } else {
        type.append(c);
      }
    }
    if (type.length() > 0 || value.size() > 0) {
      rdn.add(new String[] {type.toString(), value.toString(StandardCharsets.UTF_8)});
    }
    if (!rdn.isEmpty()) {
      rdns.add(rdn);
    }
    return rdns;
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}
