package org.ctmon.parser.x509;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.ctmon.parser.Sha256;

/** The facts gathered so far while decoding one certificate; any field may still be null. */
final class FactsBuilder {
  Sha256 tbsSha256;
  Sha256 certSha256;
  private final List<DnsName> dnsNames = new ArrayList<>(8);
  private final List<String> ipAddresses = new ArrayList<>(0);
  String subject;
  String issuer;
  String issuerCommonName;
  String issuerOrganization;
  String serial;
  Instant notBefore;
  Instant notAfter;
  Sha256 spkiSha256;
  PublicKeyFacts publicKey;
  String signatureAlgorithm;
  boolean isCa;
  boolean precertificate;
  final List<EmbeddedSct> embeddedScts = new ArrayList<>(3);
  private final List<String> problems = new ArrayList<>(0);
  /**
   * Whether the TBS has something DER writes one way and the CA wrote another (an explicit critical
   * FALSE, a non-minimal serial, a time without seconds): then it is hashed in {@link TbsNormalForm}.
   */
  boolean notDer;
  /** Why the certificate could not be decoded in full, or null. */
  String fatal;

  void problem(String p) {
    if (!problems.contains(p)) {
      problems.add(p);
    }
  }

  List<String> problems() {
    return problems;
  }

  /**
   * Adds a SAN dNSName as written (normalized, never dropped), and the names it stands for as an
   * attacker writes them, so that they are found where the victim watches: the part before a NUL
   * or a {@code /} ({@code www.bank.com\0.evil.com}, {@code www.bank.com/x}), without an {@code
   * http(s)://} in front or dots and spaces at its ends; one that reads as an IP address is added
   * as one, one in Unicode also as its A-label.
   */
  void addDnsName(String raw) {
    DnsName written = DnsName.of(raw);
    dnsNames.add(written);
    String meant = meant(raw);
    if (meant.isEmpty()) {
      return;
    }
    String ip = IpAddressText.parse(meant);
    if (ip != null) {
      addIp(ip);
    } else if (!meant.equals(written.name())) {
      dnsNames.add(DnsName.of(meant));
    }
    // A UTF-8 dNSName (against the rules, but written) is also found by its A-label.
    if (!meant.chars().allMatch(c -> c < 0x80)) {
      Idna.toAscii(meant).filter(a -> !a.equals(meant)).ifPresent(a -> dnsNames.add(DnsName.of(a)));
    }
  }

  /** {@code raw} as the name its writer meant a reader to see (see {@link #addDnsName}), lower case. */
  static String meant(String raw) {
    String s = DnsName.lowerAscii(raw).strip();
    if (s.startsWith("https://")) {
      s = s.substring("https://".length());
    } else if (s.startsWith("http://")) {
      s = s.substring("http://".length());
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0 || c == '/') {
        s = s.substring(0, i);
        break;
      }
    }
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ' ')) {
      end--;
    }
    int start = 0;
    while (start < end && s.charAt(start) == ' ') {
      start++;
    }
    return s.substring(start, end);
  }

  /**
   * Adds a subject common name when it is a host name or an IP address; other CNs ("Example CA")
   * are not names. Unicode host names are converted to A-labels. Control characters such as NUL
   * do not disqualify a CN: {@code www.bank.com\0.evil.com} is an attack on exactly the names a
   * monitor watches, so it is kept (and flagged by {@link DnsName}).
   */
  void addCommonName(String cn) {
    addCommonName(cn, true);
  }

  /**
   * As {@link #addCommonName(String)}; with {@code dotless} false a CN without a dot is not a name
   * (the lenient scan of a broken certificate, which cannot tell the subject's CN from a CA's).
   */
  void addCommonName(String cn, boolean dotless) {
    String ip = IpAddressText.parse(cn);
    if (ip != null) {
      addIp(ip);
      return;
    }
    String s = cn;
    boolean ascii = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        ascii = false;
      } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '-' || c == '.' || c == '_' || c == '*' || c < 0x20)) {
        return;
      }
    }
    // A subject CN without a dot ("intranet") is kept: a monitor rather reports one name too many.
    if (s.isEmpty() || s.startsWith(".") || (!dotless && s.indexOf('.') <= 0)) {
      return;
    }
    if (!ascii) {
      Optional<String> alabel = Idna.toAscii(s);
      if (alabel.isEmpty()) {
        return;
      }
      s = alabel.get();
    }
    addDnsName(s);
  }

  void addIp(String text) {
    ipAddresses.add(text);
  }

  CertificateFacts build() {
    return new CertificateFacts(tbsSha256, certSha256, sortedUnique(dnsNames), sortedUnique(ipAddresses),
        subject, issuer, issuerCommonName, issuerOrganization, serial, notBefore, notAfter,
        spkiSha256, publicKey, signatureAlgorithm, isCa, precertificate, embeddedScts, problems);
  }

  FactsResult result() {
    CertificateFacts f = build();
    return fatal == null ? new FactsResult.Parsed(f) : new FactsResult.Malformed(fatal, f);
  }

  private static <T extends Comparable<T>> List<T> sortedUnique(List<T> in) {
    if (in.size() <= 1) {
      return in;
    }
    List<T> out = new ArrayList<>(in);
    Collections.sort(out);
    int w = 1;
    for (int i = 1; i < out.size(); i++) {
      if (out.get(i).compareTo(out.get(w - 1)) != 0) {
        out.set(w++, out.get(i));
      }
    }
    return out.subList(0, w);
  }
}
